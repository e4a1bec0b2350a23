/**
 * The counter's day runs in Riyadh time (UTC+3 all year, no daylight saving), so "today's calls"
 * and "overdue" mean the same thing on every machine whatever its time zone.
 */
const RIYADH_OFFSET_MS = 3 * 3600 * 1000;

/** `YYYY-MM-DD` of an instant, in Riyadh. */
export function riyadhDay(at: Date): string {
  return new Date(at.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instants `[start, end)` that make up a Riyadh day. */
export function riyadhDayRange(day: string): { start: string; end: string } {
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - RIYADH_OFFSET_MS);
  const end = new Date(start.getTime() + 24 * 3600 * 1000);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** A follow-up is overdue once its due day has passed in Riyadh. */
export function isOverdue(dueDay: string | null, now: Date): boolean {
  return dueDay !== null && dueDay < riyadhDay(now);
}
