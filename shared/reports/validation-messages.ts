/** The reports' own validation messages, merged into the shared catalogue by one line. */
export const REPORTS_VALIDATION_MESSAGES = {
  'range.reversed': { ar: 'تاريخ النهاية قبل تاريخ البداية.', en: 'The end date is before the start date.' },
} as const;
