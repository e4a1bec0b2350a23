/**
 * Reports benchmark: a real SQLite file with N synthetic beneficiaries (default 1,000,000) and two
 * years of counter activity scaled to N (tests/support/report-data.ts), then each report for a
 * one-year range and the dashboard, timed through the real report service, against a baseline in
 * the same run: the same reports on the database without the 0008 indexes. Prints JSON. Usage:
 *   npx tsx tests/bench/reports.ts [--rows 1000000] [--samples 20]
 * Targets (issue 10): every report ≤ 500 ms for a one-year range; the dashboard ≤ 100 ms.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest } from '../../main/db/open-database';
import { createReportService } from '../../main/reports/report-service';
import { REPORT_IDS, rangeInput } from '../../shared/reports/schemas';
import { ORGANISATION_DEFAULTS } from '../../main/setup/organisation-defaults';
import { makeTempDir } from '../support/temp-dir';
import { prng, seedActivity, seedBeneficiaries } from '../support/report-data';
import { timeEach, trackPeakMemory, type Summary } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string' }, samples: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const SAMPLES = Number(values.samples ?? 20);
const LAST_DAY = '2026-11-28';

const peakMemory = trackPeakMemory();
const tmp = makeTempDir('istiqbal-bench-reports-');
const file = join(tmp.dir, 'reports.sqlite');
const db = openDatabase(file);
await migrateToLatest(db);

const random = prng(1448);
const t0 = performance.now();
await seedBeneficiaries(db, ROWS, random);
const beneficiariesMs = performance.now() - t0;
const t1 = performance.now();
const volume = await seedActivity(db, ROWS, LAST_DAY, random);
const activityMs = performance.now() - t1;
await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);

const clock = { now: () => new Date(`${LAST_DAY}T09:00:00Z`) };
const service = createReportService({ db, clock, organisation: async () => ({ ...ORGANISATION_DEFAULTS, logoPng: null }) });
const range = rangeInput.parse({ from: '2025-11-29', to: LAST_DAY });
const inputs = Array.from({ length: SAMPLES }, (_, i) => i);

async function timeAll(): Promise<{ reports: Record<string, Summary>; dashboard_all_counters: Summary; dashboard_one_counter: Summary; all_reports_together: Summary }> {
  const reports: Record<string, Summary> = {};
  for (const id of REPORT_IDS) {
    await service.run(range, [id]); // warm the page cache
    reports[id] = await timeEach(inputs, () => service.run(range, [id]));
  }
  return {
    reports,
    dashboard_all_counters: await timeEach(inputs, () => service.dashboard(null)),
    dashboard_one_counter: await timeEach(inputs, () => service.dashboard('bench-counter-1')),
    all_reports_together: await timeEach(inputs.slice(0, Math.max(3, Math.round(SAMPLES / 4))), () => service.run(range)),
  };
}

const indexed = await timeAll();
const INDEXES = ['queue_tickets_day', 'visits_started', 'satisfaction_created', 'support_requests_submitted', 'request_decisions_request_time', 'letters_open_reply_due'];
for (const name of INDEXES) await sql`DROP INDEX ${sql.ref(name)}`.execute(db);
const baseline = await timeAll();

const results = {
  rows: ROWS,
  volume,
  seeding_s: { beneficiaries: Math.round(beneficiariesMs / 100) / 10, activity: Math.round(activityMs / 100) / 10 },
  db_file_mb: Math.round((statSync(file).size / 1024 / 1024) * 10) / 10,
  range: { from: range.from, to: range.to },
  samples: SAMPLES,
  with_0008_indexes: indexed,
  baseline_without_0008_indexes: baseline,
  worst_report_p95_ms: Math.max(...Object.values(indexed.reports).map((s) => s.p95_ms)),
  dashboard_p95_ms: Math.max(indexed.dashboard_all_counters.p95_ms, indexed.dashboard_one_counter.p95_ms),
  peak_rss_mb: 0,
  targets: { report_ms: 500, dashboard_ms: 100 },
};
results.peak_rss_mb = peakMemory();
console.log(JSON.stringify(results, null, 2));
await db.destroy();
tmp.cleanup();
