/** PDPL deadlines, pure so both sides count the same way. */
export const DSR_DAYS = 30;
export const DSR_EXTENSION_DAYS = 30;
export const BREACH_NOTIFY_HOURS = 72;

const DAY_MS = 86_400_000;

export function dsrDueAt(receivedAt: Date, extended: boolean): Date {
  return new Date(receivedAt.getTime() + (DSR_DAYS + (extended ? DSR_EXTENSION_DAYS : 0)) * DAY_MS);
}

/** Whole days left until the due moment (negative once overdue). */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.floor((dueAt.getTime() - now.getTime()) / DAY_MS);
}

export function breachNotifyDueAt(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + BREACH_NOTIFY_HOURS * 3_600_000);
}
