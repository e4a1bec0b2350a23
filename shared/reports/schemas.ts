/**
 * Reports and the dashboard: a date range (Gregorian or Hijri, whole Riyadh days, both ends
 * included) per counter or for all, and the tables the service computes in SQL. Every table has
 * the same shape, so the screen, the CSV, the XLSX and the PDF are drawn from one thing.
 */
import { z } from 'zod';
import { toLatinDigits } from '../text/digits';
import { hijriToGregorian, parseDayText } from '../dates/hijri-input';

export const REPORT_IDS = [
  'contactsByChannel',
  'walkInsByPurpose',
  'waitingDistribution',
  'serviceDistribution',
  'requestsByType',
  'decisionTime',
  'satisfactionByService',
  'satisfactionByStaff',
  'callsByTopic',
  'lettersByStatus',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const CALENDARS = ['gregorian', 'hijri'] as const;

const dayText = z.string().trim().transform(toLatinDigits);

/**
 * The range as typed: `from`/`to` are days in the chosen calendar. Converted to Gregorian
 * `YYYY-MM-DD` here, so the service only ever sees Gregorian Riyadh days.
 */
export const rangeInput = z
  .object({
    calendar: z.enum(CALENDARS).default('gregorian'),
    from: dayText,
    to: dayText,
    /** null = all counters. */
    counterId: z.string().uuid().nullish(),
  })
  .transform((r, ctx) => {
    const convert = (text: string, path: 'from' | 'to'): string => {
      const parts = parseDayText(text);
      const day = parts === null ? null : r.calendar === 'hijri' ? hijriToGregorian(parts) : toGregorianDay(parts);
      if (day === null) ctx.addIssue({ code: 'custom', message: 'date.invalid', path: [path] });
      return day ?? '';
    };
    const from = convert(r.from, 'from');
    const to = convert(r.to, 'to');
    if (from && to && from > to) ctx.addIssue({ code: 'custom', message: 'range.reversed', path: ['to'] });
    return { from, to, counterId: r.counterId ?? null };
  });
export type RangeInput = z.input<typeof rangeInput>;
export type ReportRange = z.output<typeof rangeInput>;

function toGregorianDay(p: { year: number; month: number; day: number }): string | null {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  if (d.getUTCFullYear() !== p.year || d.getUTCMonth() !== p.month - 1 || d.getUTCDate() !== p.day) return null;
  return d.toISOString().slice(0, 10);
}

export const bilingual = z.object({ ar: z.string(), en: z.string() });

/** A number column: `count`, `percent` (0–100, one decimal), `minutes`, `days`, `score` (1–5). */
export const COLUMN_KINDS = ['count', 'percent', 'minutes', 'days', 'score'] as const;

export const reportColumn = z.object({ key: z.string(), label: bilingual, kind: z.enum(COLUMN_KINDS) });

export const reportRow = z.object({ key: z.string(), label: bilingual, values: z.array(z.number().nullable()) });

export const reportTable = z.object({
  id: z.enum(REPORT_IDS),
  title: bilingual,
  columns: z.array(reportColumn),
  rows: z.array(reportRow),
  /** The totals row (over all records, not a sum of rounded rows); null where a total means nothing. */
  total: z.array(z.number().nullable()).nullable(),
  /** The column the chart draws. */
  chartColumn: z.number().int(),
  /** Figures about the whole table (average, median, 90th percentile…), shown under it. */
  summary: z.array(z.object({ key: z.string(), label: bilingual, value: z.number().nullable() })),
});
export type ReportTable = z.infer<typeof reportTable>;

export const reportRunInput = z.object({ range: rangeInput, reports: z.array(z.enum(REPORT_IDS)).nullish() });

export const reportRun = z.object({
  range: z.object({ from: z.string(), to: z.string(), counterId: z.string().nullable() }),
  tables: z.array(reportTable),
});
export type ReportRun = z.infer<typeof reportRun>;

export const dashboardInput = z.object({ counterId: z.string().uuid().nullish() });

export const dashboard = z.object({
  day: z.string(),
  waitingNow: z.number().int(),
  served: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  p90WaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
  p90ServiceMinutes: z.number().nullable(),
  callsToday: z.number().int(),
  openFollowUps: z.number().int(),
  lettersToday: z.number().int(),
  overdueReplies: z.number().int(),
  awaitingCommittee: z.number().int(),
  awaitingPast14Days: z.number().int(),
  /** CSAT: share of today's ratings that are 4 or 5, in percent; null with no rating yet. */
  csatToday: z.number().nullable(),
  ratingsToday: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboard>;

export const counterOption = z.object({ id: z.string(), code: z.string(), name: z.string().nullable() });

export const exportCsvInput = z.object({ range: rangeInput, report: z.enum(REPORT_IDS), language: z.enum(['ar', 'en']).default('ar') });
export const exportAllInput = z.object({ range: rangeInput, language: z.enum(['ar', 'en']).default('ar') });
export const textFile = z.object({ fileName: z.string(), csv: z.string() });
export const binaryFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
