/**
 * Registry benchmark: seed N synthetic beneficiaries (default 1,000,000) into a real SQLite file,
 * then time lookups by ID, by phone, by name fragment and the duplicate check, against a plain
 * LIKE scan over the same data in the same run. Prints JSON. Usage:
 *   npx tsx tests/bench/registry.ts [--rows 1000000] [--samples 1000] [--batch 5000] [--bulk-first]
 * Targets (issue 3): every lookup p95 ≤ 5 ms; seeding ≥ 50,000 rows/s. Seeding is timed twice on
 * the same rows in separate files: the bulk load (indexes and the name index built once after the
 * rows) and, as the baseline, every row through the FTS trigger; the lookups run on the
 * bulk-loaded file. `rows_per_s` is wall-clock from the first row made to the commit, making the
 * rows included: the bulk load makes and encodes the next batch while SQLite inserts the last
 * one, so subtracting generation time would flatter it. `generation_ms` says what making cost.
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type Db } from '../../main/db/open-database';
import { bulkLoadBeneficiaries } from '../../main/beneficiaries/bulk-load';
import { bulkInsertJson } from '../../main/db/bulk-insert';
import { searchBeneficiaries } from '../../main/beneficiaries/beneficiary-search';
import { findDuplicates } from '../../main/beneficiaries/duplicate-check';
import { prng, SYNTHETIC_ROW_COLUMNS, syntheticBeneficiaryRow } from '../../main/demo/synthetic-people';
import { makeTempDir } from '../support/temp-dir';
import { timeEach, trackPeakMemory } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string' }, samples: { type: 'string' }, batch: { type: 'string' }, 'bulk-first': { type: 'boolean' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const SAMPLES = Number(values.samples ?? 1000);
const BASELINE_SAMPLES = Math.max(10, Math.round(SAMPLES / 20));
const BATCH = Number(values.batch ?? 5000);
const COLUMNS = SYNTHETIC_ROW_COLUMNS;

const peakMemory = trackPeakMemory();
const tmp = makeTempDir('istiqbal-bench-');

/**
 * A UUIDv7-shaped id for row n: like the app's own ids, later rows sort after earlier ones (the
 * time prefix), so the primary-key index grows at its end as it does at a real counter.
 */
const benchId = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** The same N synthetic rows for each path, in batches, timing their generation apart. */
function* syntheticBatches(clock: { generationMs: number }): Generator<Record<string, unknown>[]> {
  const random = prng(1448);
  const at = '2026-01-01T00:00:00.000Z';
  for (let built = 0; built < ROWS; ) {
    const t = performance.now();
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < BATCH && built < ROWS; i++, built++) {
      rows.push(syntheticBeneficiaryRow(built + 1, random, { id: benchId(built), reference: `B-1448-K01-${String(built + 1).padStart(7, '0')}`, at, counterId: 'bench' }));
    }
    clock.generationMs += performance.now() - t;
    yield rows;
  }
}

async function seed(name: string, load: (db: Db, batches: Iterable<Record<string, unknown>[]>) => Promise<void>) {
  const file = join(tmp.dir, `${name}.sqlite`);
  const db = openDatabase(file);
  await migrateToLatest(db);
  const clock = { generationMs: 0 };
  const start = performance.now();
  await load(db, syntheticBatches(clock));
  const totalMs = performance.now() - start;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return { db, file, figures: { rows_per_s: Math.round(ROWS / (totalMs / 1000)), wall_ms: Math.round(totalMs), generation_ms: Math.round(clock.generationMs) } };
}

// Baseline in the same run: the earlier path, every row through the FTS trigger, 20 batches per
// transaction. --bulk-first seeds the bulk load first (to see whether order or load drift matters).
const seedBaseline = () =>
  seed('baseline', async (db, batches) => {
    let chunk: Record<string, unknown>[][] = [];
    const flush = () =>
      db.transaction().execute(async (trx) => {
        for (const rows of chunk) await bulkInsertJson(trx, 'beneficiaries', COLUMNS, rows);
      });
    for (const rows of batches) {
      chunk.push(rows);
      if (chunk.length === 20) await flush().then(() => (chunk = []));
    }
    if (chunk.length) await flush();
  });
// The bulk load: one transaction, indexes rebuilt after the rows (main/beneficiaries/bulk-load.ts).
const seedBulk = () =>
  seed('bench', async (db, batches) => {
    await bulkLoadBeneficiaries(db, COLUMNS, batches);
  });
const seeded = values['bulk-first'] ? await seedBulk() : undefined;
const baseline = await seedBaseline();
await baseline.db.destroy();
const loaded = seeded ?? (await seedBulk());
const db = loaded.db;
const file = loaded.file;
await sql`ANALYZE`.execute(db);
const random = prng(7);

// Sample existing people to look up.
const picks = Array.from({ length: SAMPLES }, () => Math.floor(random() * ROWS));
const sampleRows = await Promise.all(
  picks.map((i) =>
    db.selectFrom('beneficiaries').select(['id_number', 'mobile', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'birth_date', 'name_normalised']).where('id', '=', benchId(i)).executeTakeFirstOrThrow(),
  ),
);
const fragmentOf = (n: string) => {
  const words = n.split(' ');
  const family = words[words.length - 1]!;
  return `${words[0]} ${family.slice(2, 6)}`; // a first name and a piece of the family name
};
const localMobile = (e164: string) => e164.replace('+966', '0');

const results = {
  rows: ROWS,
  seeding: {
    bulk_load: loaded.figures,
    order: values['bulk-first'] ? 'bulk load first' : 'baseline first',
    baseline_through_fts_trigger: baseline.figures,
    load_average_at_end: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  db_file_mb: Math.round((statSync(file).size / 1024 / 1024) * 10) / 10,
  lookups: {
    by_id: await timeEach(sampleRows, (r) => searchBeneficiaries(db, r.id_number, 20)),
    by_phone: await timeEach(sampleRows, (r) => searchBeneficiaries(db, localMobile(r.mobile), 20)),
    by_name_fragment: await timeEach(sampleRows, (r) => searchBeneficiaries(db, fragmentOf(r.name_normalised), 20)),
    duplicate_check: await timeEach(sampleRows, (r) =>
      findDuplicates(db, {
        idNumber: r.id_number,
        mobile: r.mobile,
        firstName: r.first_name,
        fatherName: r.father_name,
        grandfatherName: r.grandfather_name,
        familyName: r.family_name,
        birthYear: r.birth_date ? Number(r.birth_date.slice(0, 4)) : null,
      }),
    ),
  },
  baseline_like_scan: {
    by_id: await timeEach(sampleRows.slice(0, BASELINE_SAMPLES), (r) =>
      sql`SELECT id FROM beneficiaries WHERE id_number LIKE ${'%' + r.id_number + '%'} LIMIT 20`.execute(db),
    ),
    by_phone: await timeEach(sampleRows.slice(0, BASELINE_SAMPLES), (r) =>
      sql`SELECT id FROM beneficiaries WHERE mobile LIKE ${'%' + r.mobile.slice(4) + '%'} LIMIT 20`.execute(db),
    ),
    by_name_fragment: await timeEach(sampleRows.slice(0, BASELINE_SAMPLES), (r) => {
      const [first, piece] = fragmentOf(r.name_normalised).split(' ');
      return sql`SELECT id FROM beneficiaries WHERE name_normalised LIKE ${'%' + first + '%'} AND name_normalised LIKE ${'%' + piece + '%'} LIMIT 20`.execute(db);
    }),
  },
  peak_rss_mb: 0,
  targets: { lookup_p95_ms: 5, seeding_rows_per_s: 50_000 },
};
results.peak_rss_mb = peakMemory();
Object.assign(results, { load_average: loadavg().map((x) => Math.round(x * 100) / 100) });
console.log(JSON.stringify(results, null, 2));
await db.destroy();
tmp.cleanup();
