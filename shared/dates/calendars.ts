/**
 * Dates shown at the counter carry both calendars. The Umm al-Qura calendar is always named
 * explicitly: the default calendar of `ar-SA` differs between ICU versions.
 */
export type Language = 'ar' | 'en';

const RIYADH = 'Asia/Riyadh';

function localeFor(language: Language, calendar: 'gregory' | 'islamic-umalqura'): string {
  // Latin digits in Arabic text read better for IDs and dates at the counter; staff asked for
  // Arabic month names with Western digits, as on Saudi government forms.
  return language === 'ar' ? `ar-SA-u-ca-${calendar}-nu-latn` : `en-GB-u-ca-${calendar}`;
}

/** Time of day at the counter (Riyadh), e.g. "05:24 ص", with Latin digits like the dates. */
export function formatTimeOfDay(date: Date, language: Language, timeZone = RIYADH): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

export function formatGregorian(date: Date, language: Language, timeZone = RIYADH): string {
  return new Intl.DateTimeFormat(localeFor(language, 'gregory'), {
    calendar: 'gregory',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

export function formatHijri(date: Date, language: Language, timeZone = RIYADH): string {
  return new Intl.DateTimeFormat(localeFor(language, 'islamic-umalqura'), {
    calendar: 'islamic-umalqura',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** The Umm al-Qura year of a date, e.g. 1448; used in human reference numbers. */
export function hijriYear(date: Date, timeZone = RIYADH): number {
  const parts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    calendar: 'islamic-umalqura',
    year: 'numeric',
    timeZone,
  }).formatToParts(date);
  const year = parts.find((p) => p.type === 'year');
  return Number(year?.value);
}
