/**
 * Counts, minutes and percentages on screen: Arabic grouping and decimal marks with Latin digits,
 * the same digits as the dates, IDs and references around them (see shared/dates/calendars.ts).
 */
import type { Language } from '../dates/calendars';

export function numberFormat(language: Language, maximumFractionDigits = 1): Intl.NumberFormat {
  return new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-US', { maximumFractionDigits });
}
