import { formatGregorian, formatHijri, formatTimeOfDay, type Language } from '../../../shared/dates/calendars';

/** Time of day at the counter (Riyadh), Latin digits as on the rest of the screen. */
export function timeOfDay(iso: string | null, language: Language): string {
  if (!iso) return '—';
  return formatTimeOfDay(new Date(iso), language);
}

export function bothCalendars(iso: string, language: Language): { gregorian: string; hijri: string } {
  const d = new Date(iso);
  return { gregorian: formatGregorian(d, language), hijri: formatHijri(d, language) };
}

export function dateTime(iso: string, language: Language): string {
  return `${formatGregorian(new Date(iso), language)} ${timeOfDay(iso, language)}`;
}
