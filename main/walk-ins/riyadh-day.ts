/** The counter's working day in Riyadh (UTC+3 all year, no daylight saving): tickets restart at 1 each day. */
export function riyadhDay(at: Date): string {
  return new Date(at.getTime() + 3 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
