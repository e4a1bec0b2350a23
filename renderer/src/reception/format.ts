import { formatGregorian, formatHijri, type Language } from '../../../shared/dates/calendars';

/** Time of day at the counter (Riyadh), Latin digits as on the rest of the screen. */
export function timeOfDay(iso: string | null, language: Language): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Riyadh' }).format(new Date(iso));
}

export function bothCalendars(iso: string, language: Language): { gregorian: string; hijri: string } {
  const d = new Date(iso);
  return { gregorian: formatGregorian(d, language), hijri: formatHijri(d, language) };
}

export function dateTime(iso: string, language: Language): string {
  return `${formatGregorian(new Date(iso), language)} ${timeOfDay(iso, language)}`;
}
