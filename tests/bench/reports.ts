/**
 * Reports benchmark: a real SQLite file with N synthetic beneficiaries (default 1,000,000) and two
 * years of counter activity scaled to N (tests/support/report-data.ts), then each report for a
 * one-year range and the dashboard, timed through the real report service, against a baseline in
 * the same run: the same reports on the database without the 0008 indexes. Prints JSON. Usage:
 *   npx tsx tests/bench/reports.ts [--rows 1000000] [--samples 20]
 * Seeding leaves a large JavaScript heap behind, so the timings run in a fresh child process on the
 * finished file (`--db FILE`; it drops the 0008 indexes for the baseline, so use a copy).
 * Targets (issue 10): every report ≤ 500 ms for a one-year range; the dashboard ≤ 100 ms.
 * The waiting/service distributions are also timed against the pre-0009 query in the same run
 * (minutes computed from the two timestamps of every ticket, ranked with window functions), for
 * all counters and for one, and both must give the same figures. Likewise the decision time
 * against the pre-0014 query, and the satisfaction reports (service and staff stored on the rating)
 * against the pre-0015 joins of every rating to its visit and ticket.
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
import { satisfactionByJoins } from '../support/satisfaction-by-joins';
import { daysBetween, groupedStats, minutesBetween } from '../../main/reports/stats-sql';
import { boundsOf } from '../../main/reports/range-bounds';

const { values } = parseArgs({ options: { rows: { type: 'string' }, samples: { type: 'string' }, db: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const SAMPLES = Number(values.samples ?? 20);
const LAST_DAY = '2026-11-28';

const peakMemory = trackPeakMemory();

if (!values.db) {
  // Parent: seed a file, then time it in a child with a clean heap.
  const tmp = makeTempDir('istiqbal-bench-reports-');
  const file = join(tmp.dir, 'reports.sqlite');
  const seedDb = openDatabase(file);
  await migrateToLatest(seedDb);
  const random = prng(1448);
  const t0 = performance.now();
  await seedBeneficiaries(seedDb, ROWS, random);
  const beneficiariesMs = performance.now() - t0;
  const t1 = performance.now();
  const volume = await seedActivity(seedDb, ROWS, LAST_DAY, random);
  const activityMs = performance.now() - t1;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(seedDb);
  await seedDb.destroy();
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--db', file, '--samples', String(SAMPLES)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`timing child failed: ${child.stderr}`);
  const timings = JSON.parse(child.stdout) as Record<string, unknown>;
  console.log(
    JSON.stringify(
      {
        rows: ROWS,
        volume,
        seeding_s: { beneficiaries: Math.round(beneficiariesMs / 100) / 10, activity: Math.round(activityMs / 100) / 10 },
        db_file_mb: Math.round((statSync(file).size / 1024 / 1024) * 10) / 10,
        seeding_peak_rss_mb: peakMemory(),
        ...timings,
      },
      null,
      2,
    ),
  );
  tmp.cleanup();
  process.exit(0);
}

const db = openDatabase(values.db);
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
  await service.dashboard(null);
  await service.dashboard('bench-counter-1');
  return {
    reports,
    dashboard_all_counters: await timeEach(inputs, () => service.dashboard(null)),
    dashboard_one_counter: await timeEach(inputs, () => service.dashboard('bench-counter-1')),
    all_reports_together: await timeEach(inputs.slice(0, Math.max(3, Math.round(SAMPLES / 4))), () => service.run(range)),
  };
}

/** The distributions as computed before migration 0009: from the timestamps, one windowed pass. */
async function fromTimestamps(kind: 'wait' | 'service', counterId: string | null) {
  const b = boundsOf({ ...range, counterId });
  const [from, to, cond] =
    kind === 'wait' ? ['t.arrived_at', 't.called_at', sql`t.called_at IS NOT NULL`] : ['t.started_at', 't.ended_at', sql`t.status = 'done' AND t.started_at IS NOT NULL AND t.ended_at IS NOT NULL`];
  const buckets = sql.join(
    ([[0, 5], [5, 10], [10, 15], [15, 30], [30, 60], [60, null]] as const).map(([lo, hi], i) => sql`SUM(CASE WHEN m >= ${lo} ${hi === null ? sql`` : sql`AND m < ${hi}`} THEN 1 ELSE 0 END) AS ${sql.ref(`b${i}`)}`),
  );
  const base = sql`SELECT '__all' AS g, ${minutesBetween(from, to)} AS m FROM queue_tickets t
    WHERE t.deleted_at IS NULL AND t.day >= ${b.fromDay} AND t.day <= ${b.toDay} AND ${cond} ${counterId ? sql`AND t.counter_id = ${counterId}` : sql``}`;
  return (await groupedStats(db, base, { total: false, extra: buckets })).get('__all');
}

async function timeDistributions() {
  const out: Record<string, { stored_0009: Summary; timestamps_before_0009: Summary; same_figures: boolean }> = {};
  for (const [id, kind] of [['waitingDistribution', 'wait'], ['serviceDistribution', 'service']] as const) {
    for (const counterId of [null, 'bench-counter-1']) {
      const r = { ...range, counterId }; // the bench's counter ids are not UUIDs, so not through the schema
      const now = (await service.run(r, [id])).tables[0]!;
      const old = (await fromTimestamps(kind, counterId))!;
      const figures = Object.fromEntries(now.summary.map((x) => [x.key, x.value]));
      const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
      const same =
        figures.count === Number(old.n) &&
        (['avg', 'p50', 'p90', 'max'] as const).every((k) => figures[k] === round1(old[k])) &&
        now.rows.every((row, i) => row.values[0] === Number(old[`b${i}`] ?? 0));
      out[`${id}${counterId ? '_one_counter' : '_all_counters'}`] = {
        stored_0009: await timeEach(inputs, () => service.run(r, [id])),
        timestamps_before_0009: await timeEach(inputs, () => fromTimestamps(kind, counterId)),
        same_figures: same,
      };
    }
  }
  return out;
}

/** The decision-time report as computed before migration 0014: the first decision of each request looked up, days from two timestamps. */
async function decisionFromTimestamps(counterId: string | null) {
  const b = boundsOf({ ...range, counterId });
  const pastLimit = new Date(clock.now().getTime() - 14 * 86_400_000).toISOString();
  const c = counterId ? sql`AND r.counter_id = ${counterId}` : sql``;
  const req = sql`SELECT r.support_type, r.status, r.submitted_at,
      (SELECT MIN(d.created_at) FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at) AS decided_at
    FROM support_requests r WHERE r.deleted_at IS NULL AND r.submitted_at IS NOT NULL AND r.submitted_at >= ${b.start} AND r.submitted_at < ${b.end} ${c}`;
  const days = daysBetween('submitted_at', 'decided_at');
  const [stats, counts] = await Promise.all([
    groupedStats(db, sql`SELECT support_type AS g, ${days} AS m FROM (${req})`),
    sql<{ g: string; w: number; a: number; p: number }>`WITH req AS MATERIALIZED (${req}) SELECT support_type AS g, SUM(decided_at IS NOT NULL AND ${days} <= 14) AS w,
      SUM(decided_at IS NOT NULL AND ${days} > 14) AS a, SUM(decided_at IS NULL AND status = 'submitted' AND submitted_at <= ${pastLimit}) AS p FROM req GROUP BY support_type`.execute(db),
  ]);
  const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return new Map(counts.rows.map((x) => { const s = stats.get(x.g); return [x.g, [s ? Number(s.n) : 0, round1(s?.avg ?? null), round1(s?.p90 ?? null), Number(x.w), Number(x.a), Number(x.p)]]; }));
}

async function timeDecision() {
  const out: Record<string, { stored_0014: Summary; timestamps_before_0014: Summary; same_figures: boolean }> = {};
  for (const counterId of [null, 'bench-counter-1']) {
    const r = { ...range, counterId };
    const now = (await service.run(r, ['decisionTime'])).tables[0]!;
    const old = await decisionFromTimestamps(counterId);
    const same = now.rows.every((row) => JSON.stringify(row.values) === JSON.stringify(old.get(row.key) ?? [0, null, null, 0, 0, 0])) && [...old.keys()].every((k) => now.rows.some((row) => row.key === k));
    out[`decisionTime${counterId ? '_one_counter' : '_all_counters'}`] = {
      stored_0014: await timeEach(inputs, () => service.run(r, ['decisionTime'])),
      timestamps_before_0014: await timeEach(inputs, () => decisionFromTimestamps(counterId)),
      same_figures: same,
    };
  }
  return out;
}

async function timeSatisfaction() {
  const out: Record<string, { stored_0015: Summary; joins_before_0015: Summary; same_figures: boolean }> = {};
  for (const id of ['satisfactionByService', 'satisfactionByStaff'] as const) {
    for (const counterId of [null, 'bench-counter-1']) {
      const r = { ...range, counterId };
      const now = (await service.run(r, [id])).tables[0]!;
      const before = await satisfactionByJoins(db, id, r);
      const old = [...before.rows, ['__all', before.total] as const];
      const mine = [...now.rows.map((row) => [row.key, row.values] as const), ['__all', now.total] as const];
      const sorted = <T extends readonly [string, unknown]>(l: readonly T[]) => JSON.stringify([...l].sort(([a], [b2]) => (a < b2 ? -1 : 1)));
      const sameOrder = JSON.stringify(now.rows.map((row) => row.key)) === JSON.stringify(old.map(([g]) => g).filter((g) => g !== '__all'));
      out[`${id}${counterId ? '_one_counter' : '_all_counters'}`] = {
        stored_0015: await timeEach(inputs, () => service.run(r, [id])),
        joins_before_0015: await timeEach(inputs, () => satisfactionByJoins(db, id, r)),
        same_figures: sameOrder && sorted(mine) === sorted(old),
      };
    }
  }
  return out;
}

const satisfaction = await timeSatisfaction();
const decision = await timeDecision();
const distributions = await timeDistributions();
const indexed = await timeAll();
const INDEXES = ['queue_tickets_day', 'visits_started', 'satisfaction_created', 'support_requests_submitted', 'request_decisions_request_time', 'letters_open_reply_due'];
for (const name of INDEXES) await sql`DROP INDEX ${sql.ref(name)}`.execute(db);
const baseline = await timeAll();

const results = {
  range: { from: range.from, to: range.to },
  samples: SAMPLES,
  distributions_stored_vs_timestamps: distributions,
  decision_time_stored_vs_timestamps: decision,
  satisfaction_stored_vs_joins: satisfaction,
  with_0008_indexes: indexed,
  baseline_without_0008_indexes: baseline,
  worst_report_p95_ms: Math.max(...Object.values(indexed.reports).map((s) => s.p95_ms)),
  dashboard_p95_ms: Math.max(indexed.dashboard_all_counters.p95_ms, indexed.dashboard_one_counter.p95_ms),
  timing_peak_rss_mb: 0,
  targets: { report_ms: 500, dashboard_ms: 100 },
  load_average: loadavg().map((x) => Math.round(x * 100) / 100),
};
results.timing_peak_rss_mb = peakMemory();
console.log(JSON.stringify(results, null, 2));
await db.destroy();
