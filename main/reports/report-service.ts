/** Reports and the dashboard: read-only SQL over the real tables; exports built from the same run. */
import type { Db } from '../db/open-database';
import type { Clock } from '../core/clock';
import type { Dashboard, ReportId, ReportRange, ReportRun } from '../../shared/reports/schemas';
import { REPORT_IDS } from '../../shared/reports/schemas';
import type { OrganisationHeader } from '../../shared/printing/document-data';
import { riyadhDay } from '../../shared/calls/riyadh-day';
import { loadPrintFonts } from '../printing/print-fonts';
import { boundsOf } from './range-bounds';
import { REPORTS } from './report-tables';
import { loadNames } from './names';
import { todayDashboard } from './dashboard';
import { fileStem, reportCsv, reportModel, reportPdf, reportXlsx, type Language } from './export-files';

export interface ReportServiceDeps {
  db: Db;
  clock: Clock;
  /** The society's header for the PDF (name, licence, logo). */
  organisation: () => Promise<OrganisationHeader>;
  fontsDir?: string;
}

export function createReportService({ db, clock, organisation, fontsDir }: ReportServiceDeps) {
  async function run(range: ReportRange, ids: readonly ReportId[] = REPORT_IDS): Promise<ReportRun> {
    const now = clock.now();
    const ctx = { db, b: boundsOf(range), now, today: riyadhDay(now), names: await loadNames(db) };
    // One after another: SQLite answers on one connection anyway, and the order stays the asked one.
    const tables = [];
    for (const id of ids) tables.push(await REPORTS[id](ctx));
    return { range: { from: range.from, to: range.to, counterId: range.counterId }, tables };
  }

  async function counterName(id: string | null): Promise<string | null> {
    if (!id) return null;
    const c = await db.selectFrom('counters').select(['code', 'name']).where('id', '=', id).executeTakeFirst();
    return c ? `${c.name} (${c.code})` : id;
  }

  return {
    run,
    dashboard(counterId: string | null): Promise<Dashboard> {
      return todayDashboard(db, clock.now(), counterId);
    },
    async counters() {
      const rows = await db.selectFrom('counters').select(['id', 'code', 'name']).orderBy('code').execute();
      return rows.map((r) => ({ id: r.id, code: r.code, name: r.name ?? null }));
    },
    async exportCsv(range: ReportRange, id: ReportId, lang: Language) {
      const r = await run(range, [id]);
      return { fileName: `${fileStem(r)}-${id}.csv`, csv: reportCsv(r.tables[0]!, lang) };
    },
    async exportXlsx(range: ReportRange, lang: Language) {
      const r = await run(range);
      const bytes = await reportXlsx(r, lang, clock.now());
      return { fileName: `${fileStem(r)}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
    },
    async exportPdf(range: ReportRange) {
      const r = await run(range);
      const org = await organisation();
      const bytes = await reportPdf(reportModel(r, org, await counterName(range.counterId)), org.name, loadPrintFonts(fontsDir), clock.now());
      return { fileName: `${fileStem(r)}.pdf`, mime: 'application/pdf', base64: bytes.toString('base64') };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
