import { formatHijri } from '../../../shared/dates/calendars';
import { toLatinDigits } from '../../../shared/text/digits';
import type { Language } from '../../../shared/dates/calendars';

/** The Hijri date of a typed Gregorian day (`YYYY-MM-DD`, any digits), or null while it is incomplete. */
export function hijriOfDay(day: string, language: Language): string | null {
  const d = toLatinDigits(day).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  const date = new Date(`${d}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : formatHijri(date, language);
}
