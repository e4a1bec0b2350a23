/** Dates as printed: Gregorian and Umm al-Qura Hijri, Riyadh time, Western digits. */
import { formatGregorian, formatHijri } from '../dates/calendars';
import { ltr } from './document-model';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The research committee decides no sooner than 14 days after a request is submitted. */
export const COMMITTEE_MIN_DAYS = 14;

export function earliestDecisionDate(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + COMMITTEE_MIN_DAYS * DAY_MS);
}

export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Riyadh' }).format(date);
}

/** `29 نوفمبر 2026 م` — "م" names the Gregorian calendar, as Saudi forms do. */
export function gregorianDay(date: Date): string {
  return `${formatGregorian(date, 'ar')} م`;
}

/** `19 جمادى الآخرة 1448 هـ` */
export function hijriDay(date: Date): string {
  return formatHijri(date, 'ar');
}

/**
 * A date with its time. Words sit between the numbers ("م الساعة"): two numbers side by side in
 * right-to-left text are read in the wrong order by text extraction (copy, search, screen readers).
 */
export function dateWithTime(date: Date): string {
  return `${gregorianDay(date)} الساعة ${ltr(formatTime(date))}`;
}
