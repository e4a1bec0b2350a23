/**
 * JavaScript formats Hijri dates but cannot parse them, and a date of birth is often read off a
 * document in Hijri. We convert with the same ICU Umm al-Qura table that formats dates (by
 * estimating, then stepping day by day until Intl agrees), so both directions always match;
 * no second calendar table to drift from the one shown on screen.
 */
const PARTS = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  calendar: 'islamic-umalqura',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: 'UTC',
});

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function toHijri(date: Date): CalendarDay {
  const parts = PARTS.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function compare(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const DAY_MS = 86_400_000;
// 1 Muharram 1 AH is 16 July 622 (proleptic Julian); a mean Hijri year is 354.36667 days.
const EPOCH_MS = Date.UTC(622, 6, 19);
const MEAN_YEAR_DAYS = 354.36667;
const MEAN_MONTH_DAYS = 29.530589;

/** Umm al-Qura day → Gregorian `YYYY-MM-DD`, or null when that day does not exist. */
export function hijriToGregorian(h: CalendarDay): string | null {
  if (h.month < 1 || h.month > 12 || h.day < 1 || h.day > 30 || h.year < 1300 || h.year > 1600) return null;
  const estimate = EPOCH_MS + ((h.year - 1) * MEAN_YEAR_DAYS + (h.month - 1) * MEAN_MONTH_DAYS + (h.day - 1)) * DAY_MS;
  let t = Math.round(estimate / DAY_MS) * DAY_MS;
  for (let step = 0; step < 60; step++) {
    const c = compare(toHijri(new Date(t)), h);
    if (c === 0) return new Date(t).toISOString().slice(0, 10);
    const next = t + (c < 0 ? DAY_MS : -DAY_MS);
    // Stepping past the target without landing on it means the day does not exist (e.g. 30th of a 29-day month).
    if (compare(toHijri(new Date(next)), h) * c < 0) return null;
    t = next;
  }
  return null;
}

/** Parses `YYYY-MM-DD` (or `DD/MM/YYYY`) into its parts; digits already folded to Latin. */
export function parseDayText(text: string): CalendarDay | null {
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  if (dmy) return { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) };
  return null;
}

export function isRealGregorianDay(d: CalendarDay): boolean {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return date.getUTCFullYear() === d.year && date.getUTCMonth() === d.month - 1 && date.getUTCDate() === d.day;
}
