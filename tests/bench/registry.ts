/**
 * Registry benchmark: seed N synthetic beneficiaries (default 1,000,000) into a real SQLite file,
 * then time lookups by ID, by phone, by name fragment and the duplicate check, against a plain
 * LIKE scan over the same data in the same run. Prints JSON. Usage:
 *   npx tsx tests/bench/registry.ts [--rows 1000000] [--samples 1000] [--batch 5000] [--skip-js-paths]
 * Targets (issue 3): every lookup p95 ≤ 5 ms; seeding ≥ 50,000 rows/s.
 *
 * Seeding is timed three ways, each into its own new file, all with the same bulk load around
 * them (indexes and the name index built once after the rows, one transaction, committed):
 *   - `seed` — the seeder (main/demo/synthetic-seed.ts): SQLite composes the people from small
 *     pools the JavaScript generator makes. The lookups run on this file.
 *   - `bulk_load_js_rows` — the import path: the JavaScript generator makes every row, and the rows
 *     cross into SQLite as JSON batches (bulkLoadBeneficiaries); making the next batch overlaps
 *     inserting the last, so making is included (`generation_ms` says what it cost).
 *   - `baseline_through_fts_trigger` — the first path: JSON batches with every row through the
 *     name index's trigger, 20 batches a transaction.
 * `rows_per_s` is wall-clock from the first row made (or pool) to the commit.
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
import { seedSyntheticBeneficiaries, syntheticId, syntheticReference } from '../../main/demo/synthetic-seed';
import { makeTempDir } from '../support/temp-dir';
import { timeEach, trackPeakMemory } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string' }, samples: { type: 'string' }, batch: { type: 'string' }, 'skip-js-paths': { type: 'boolean' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const SAMPLES = Number(values.samples ?? 1000);
const BASELINE_SAMPLES = Math.max(10, Math.round(SAMPLES / 20));
const BATCH = Number(values.batch ?? 5000);
const COLUMNS = SYNTHETIC_ROW_COLUMNS;

const peakMemory = trackPeakMemory();
const tmp = makeTempDir('istiqbal-bench-');

/** The same N synthetic rows for each path, in batches, timing their generation apart. */
function* syntheticBatches(clock: { generationMs: number }): Generator<Record<string, unknown>[]> {
  const random = prng(1448);
  const at = '2026-01-01T00:00:00.000Z';
  for (let built = 0; built < ROWS; ) {
    const t = performance.now();
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < BATCH && built < ROWS; i++, built++) {
      rows.push(syntheticBeneficiaryRow(built + 1, random, { id: syntheticId(built), reference: syntheticReference(built), at, counterId: 'bench' }));
    }
    clock.generationMs += performance.now() - t;
    yield rows;
  }
}

async function seed(name: string, load: (db: Db, batches: Iterable<Record<string, unknown>[]>) => Promise<unknown>) {
  const file = join(tmp.dir, `${name}.sqlite`);
  const db = openDatabase(file);
  await migrateToLatest(db);
  const clock = { generationMs: 0 };
  const start = performance.now();
  await load(db, syntheticBatches(clock));
  const totalMs = performance.now() - start;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  const figures = { rows_per_s: Math.round(ROWS / (totalMs / 1000)), wall_ms: Math.round(totalMs) };
  return { db, file, figures: clock.generationMs ? { ...figures, generation_ms: Math.round(clock.generationMs) } : figures };
}

// The first path: every row through the FTS trigger, 20 batches per transaction.
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
const closed = async <T extends { db: Db }>(seeded: T) => {
  await seeded.db.destroy();
  return seeded;
};
const seeded = await seed('seed', (db) => seedSyntheticBeneficiaries(db, { count: ROWS, counterId: 'bench', createdBy: 'bench' }));
const jsRows = values['skip-js-paths'] ? undefined : await closed(await seed('js-rows', (db, batches) => bulkLoadBeneficiaries(db, COLUMNS, batches)));
const baseline = values['skip-js-paths'] ? undefined : await closed(await seedBaseline());
const db = seeded.db;
const file = seeded.file;
await sql`ANALYZE`.execute(db);
const random = prng(7);

// Sample existing people to look up.
const picks = Array.from({ length: SAMPLES }, () => Math.floor(random() * ROWS));
const sampleRows = await Promise.all(
  picks.map((i) =>
    db.selectFrom('beneficiaries').select(['id_number', 'mobile', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'birth_date', 'name_normalised']).where('id', '=', syntheticId(i)).executeTakeFirstOrThrow(),
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
    seed: seeded.figures,
    bulk_load_js_rows: jsRows?.figures ?? 'skipped',
    baseline_through_fts_trigger: baseline?.figures ?? 'skipped',
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
