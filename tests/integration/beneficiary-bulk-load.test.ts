/**
 * The bulk load of beneficiaries (main/beneficiaries/bulk-load.ts) against the row-by-row path
 * with the FTS trigger, on real SQLite files: the same search results for names, IDs and phones,
 * an FTS index that passes FTS5's own integrity check against the table, every index back exactly
 * as the migration made it (and used), a duplicate ID still refused, and a failed load leaving
 * nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type Db } from '../../main/db/open-database';
import { bulkInsertJson } from '../../main/db/bulk-insert';
import { bulkLoadBeneficiaries } from '../../main/beneficiaries/bulk-load';
import { searchBeneficiaries } from '../../main/beneficiaries/beneficiary-search';
import { prng, SYNTHETIC_ROW_COLUMNS, syntheticBeneficiaryRow } from '../../main/demo/synthetic-people';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
const open: Db[] = [];
const ROWS = 3000;
const random = prng(2026);
const rows = Array.from({ length: ROWS }, (_, i) =>
  syntheticBeneficiaryRow(i + 1, random, { id: `b-${i}`, reference: `B-1448-K01-${String(i + 1).padStart(6, '0')}`, at: '2026-01-01T00:00:00.000Z', counterId: 'c' }),
);
const chunks = (list: typeof rows, size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function fresh(name: string): Promise<Db> {
  const db = openDatabase(join(tmp.dir, `${name}.sqlite`));
  open.push(db);
  await migrateToLatest(db);
  return db;
}

let reference: Db;
beforeAll(async () => {
  // The row-by-row path: every insert through the FTS trigger.
  reference = await fresh('reference');
  await reference.transaction().execute(async (trx) => {
    for (const c of chunks(rows, 500)) await bulkInsertJson(trx, 'beneficiaries', SYNTHETIC_ROW_COLUMNS, c);
  });
}, 60_000);
afterAll(async () => {
  for (const db of open) await db.destroy();
  tmp.cleanup();
});

/** Queries of every kind the search box takes: name fragments, single names, 3-letter pieces, IDs, phones. */
function queries(): string[] {
  const out: string[] = [];
  for (let i = 0; i < ROWS; i += 37) {
    const r = rows[i]!;
    const words = String(r.name_normalised).split(' ');
    const family = words.at(-1)!;
    out.push(`${words[0]} ${family.slice(1, 5)}`, words[1]!, family.slice(0, 3), family, String(r.id_number), String(r.mobile).replace('+966', '0'));
  }
  return out;
}

async function results(db: Db): Promise<string[][]> {
  const out: string[][] = [];
  for (const q of queries()) out.push((await searchBeneficiaries(db, q, 50)).map((b) => b.id).sort());
  return out;
}

async function ftsIntact(db: Db) {
  // rank 1: compare the index with the content table too; throws on any difference.
  await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
}

/** Every index and trigger of the registry's table, as stored. */
const schemaOf = async (db: Db) =>
  (await sql<{ type: string; name: string; sql: string | null }>`SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'beneficiaries' AND type IN ('index', 'trigger') ORDER BY name`.execute(db)).rows;
/**
 * What a load changes for its own time only, as the connection and the name index keep them: the
 * page cache, secure_delete (zeroing what a delete frees) and FTS5's rebuild hash; and the name
 * index's leaf size, set by migration 0017.
 */
const loadSettings = async (db: Db) => ({
  cacheSize: (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db)).rows[0]!.cache_size,
  secureDelete: (await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(db)).rows[0]!.secure_delete,
  nameIndex: Object.fromEntries((await sql<{ k: string; v: number }>`SELECT k, v FROM beneficiaries_fts_config WHERE k IN ('hashsize', 'pgsz')`.execute(db)).rows.map((r) => [r.k, r.v])),
});
const SETTINGS_AFTER_MIGRATION = { cacheSize: -65536, secureDelete: 1, nameIndex: { pgsz: 4050 } };
const SETTINGS_AFTER_LOAD = { cacheSize: -65536, secureDelete: 1, nameIndex: { pgsz: 4050, hashsize: 1048576 } };
const count = async (db: Db) => Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM beneficiaries`.execute(db)).rows[0]!.n);

describe('bulk load of beneficiaries', () => {
  it('into an empty table gives the same search results as the row-by-row path, with every index restored', async () => {
    const db = await fresh('bulk-empty');
    const migrated = await schemaOf(db);
    expect(await loadSettings(db)).toEqual(SETTINGS_AFTER_MIGRATION);
    expect(migrated.map((x) => x.name)).toEqual(expect.arrayContaining(['beneficiaries_id_number', 'beneficiaries_mobile', 'beneficiaries_name', 'beneficiaries_fts_insert']));
    expect(await bulkLoadBeneficiaries(db, SYNTHETIC_ROW_COLUMNS, chunks(rows, 700))).toBe(ROWS);
    await ftsIntact(db);
    await sql`PRAGMA integrity_check`.execute(db).then((r) => expect(r.rows).toEqual([{ integrity_check: 'ok' }]));
    const expected = await results(reference);
    expect(expected.filter((r) => r.length > 0).length).toBeGreaterThan(expected.length * 0.9);
    expect(await results(db)).toEqual(expected);
    expect(await schemaOf(db)).toEqual(migrated);
    expect(JSON.stringify((await sql`EXPLAIN QUERY PLAN SELECT id FROM beneficiaries WHERE id_number = '1000000008' AND deleted_at IS NULL`.execute(db)).rows)).toContain('beneficiaries_id_number');
    expect(await loadSettings(db)).toEqual(SETTINGS_AFTER_LOAD);
    // The recreated unique index still refuses a second live record with the same ID number.
    await expect(bulkInsertJson(db, 'beneficiaries', SYNTHETIC_ROW_COLUMNS, [{ ...rows[5]!, id: 'again', reference: 'B-1448-K01-888888' }])).rejects.toThrow(/UNIQUE/);
    // A later ordinary insert is indexed by the restored trigger.
    const extra = syntheticBeneficiaryRow(ROWS + 1, prng(7), { id: 'late', reference: 'B-1448-K01-999999', at: '2026-01-02T00:00:00.000Z', counterId: 'c' });
    await bulkInsertJson(db, 'beneficiaries', SYNTHETIC_ROW_COLUMNS, [{ ...extra, first_name: 'زبرجد', name_normalised: `زبرجد ${String(extra.name_normalised).split(' ').slice(1).join(' ')}` }]);
    expect((await searchBeneficiaries(db, 'زبرجد', 5)).map((b) => b.id)).toEqual(['late']);
    await ftsIntact(db);
  });

  it('leaves an index on columns the load does not write in place, and builds it after the rows when the load writes them', async () => {
    const rootOf = async (db: Db, name: string) => (await sql<{ rootpage: number }>`SELECT rootpage FROM sqlite_master WHERE name = ${name}`.execute(db)).rows[0]!.rootpage;
    // No second mobiles in the rows: the partial index of second mobiles is the same B-tree after.
    const without = await fresh('bulk-no-alt');
    const root = await rootOf(without, 'beneficiaries_alt_mobile');
    await bulkLoadBeneficiaries(without, SYNTHETIC_ROW_COLUMNS, chunks(rows, 1000));
    expect(await rootOf(without, 'beneficiaries_alt_mobile')).toBe(root);
    expect((await sql`SELECT 1 FROM beneficiaries INDEXED BY beneficiaries_alt_mobile WHERE alt_mobile > ''`.execute(without)).rows).toEqual([]);
    // One person in ten with a second mobile: indexed, and found by it.
    const withAlt = await fresh('bulk-alt');
    const altRows = rows.map((r, i) => ({ ...r, alt_mobile: i % 10 === 0 ? `+96658${String(i).padStart(7, '0')}` : null }));
    await bulkLoadBeneficiaries(withAlt, [...SYNTHETIC_ROW_COLUMNS, 'alt_mobile'], chunks(altRows, 1000));
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM beneficiaries INDEXED BY beneficiaries_alt_mobile WHERE alt_mobile > ''`.execute(withAlt)).rows[0]!.n)).toBe(ROWS / 10);
    expect((await searchBeneficiaries(withAlt, '0580000370', 5)).map((b) => b.id)).toEqual(['b-370']);
    expect(await schemaOf(withAlt)).toEqual(await schemaOf(without));
    await sql`PRAGMA integrity_check`.execute(withAlt).then((r) => expect(r.rows).toEqual([{ integrity_check: 'ok' }]));
  });

  it('into a table that has rows keeps its indexes and gives the same results', async () => {
    const db = await fresh('bulk-append');
    await db.transaction().execute((trx) => bulkInsertJson(trx, 'beneficiaries', SYNTHETIC_ROW_COLUMNS, rows.slice(0, 1000)));
    const migrated = await schemaOf(db);
    expect(await bulkLoadBeneficiaries(db, SYNTHETIC_ROW_COLUMNS, chunks(rows.slice(1000), 900))).toBe(ROWS - 1000);
    await ftsIntact(db);
    expect(await schemaOf(db)).toEqual(migrated);
    expect(await count(db)).toBe(ROWS);
    expect(await results(db)).toEqual(await results(reference));
  });

  it('that fails leaves the file as it was: no rows, every index and the trigger in place', async () => {
    const db = await fresh('bulk-fail');
    const migrated = await schemaOf(db);
    // The second batch repeats an ID number: the recreated unique index refuses it at the end.
    const bad = [rows.slice(0, 500), [...rows.slice(500, 600), { ...rows[600]!, id_number: rows[0]!.id_number }]];
    await expect(bulkLoadBeneficiaries(db, SYNTHETIC_ROW_COLUMNS, bad)).rejects.toThrow(/UNIQUE/);
    expect(await count(db)).toBe(0);
    expect(await loadSettings(db)).toEqual(SETTINGS_AFTER_MIGRATION);
    expect(await schemaOf(db)).toEqual(migrated);
    await ftsIntact(db);
    // And the ordinary path still indexes names.
    await bulkInsertJson(db, 'beneficiaries', SYNTHETIC_ROW_COLUMNS, rows.slice(0, 10));
    await ftsIntact(db);
    expect((await searchBeneficiaries(db, String(rows[3]!.name_normalised), 5)).map((b) => b.id)).toContain('b-3');
  });

  it('rolls back whole when a batch in the middle fails, or when the rows stop coming with an error', async () => {
    const db = await fresh('bulk-fail-middle');
    const migrated = await schemaOf(db);
    // Batch 2 of 4 breaks NOT NULL while batch 3 is being made: nothing of batch 1 stays.
    const broken = [rows.slice(0, 400), [...rows.slice(400, 500), { ...rows[500]!, first_name: null }], rows.slice(501, 900), rows.slice(900, 1200)];
    await expect(bulkLoadBeneficiaries(db, SYNTHETIC_ROW_COLUMNS, broken)).rejects.toThrow(/NOT NULL/);
    expect(await count(db)).toBe(0);
    expect(await schemaOf(db)).toEqual(migrated);
    // The source of rows fails after two batches, with the second still being inserted.
    async function* failing() {
      yield rows.slice(0, 700);
      yield rows.slice(700, 1400);
      throw new Error('source gone');
    }
    await expect(bulkLoadBeneficiaries(db, SYNTHETIC_ROW_COLUMNS, failing())).rejects.toThrow('source gone');
    expect(await count(db)).toBe(0);
    expect(await loadSettings(db)).toEqual(SETTINGS_AFTER_MIGRATION);
    expect(await schemaOf(db)).toEqual(migrated);
    await ftsIntact(db);
    // The file still takes a load afterwards.
    expect(await bulkLoadBeneficiaries(db, SYNTHETIC_ROW_COLUMNS, chunks(rows.slice(0, 1000), 300))).toBe(1000);
    await ftsIntact(db);
  });
});
