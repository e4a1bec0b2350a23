/**
 * Loading many beneficiary rows at once (benchmarks, large test data, imports), in ONE
 * transaction, so a failure or a crash leaves the file exactly as it was.
 *
 * Into an empty table, the secondary indexes (ID number, mobiles, name) are dropped first and
 * recreated from their own stored SQL after the rows: building a B-tree from sorted keys costs a
 * fraction of a million random inserts, and the unique ID-number index still refuses a duplicate
 * (CREATE UNIQUE INDEX fails, the whole load rolls back). An index on columns the load does not
 * write stays: each new row's entry is NULL keys after the last (or, for the partial index of
 * second mobiles, no entry at all), cheaper than a rebuild that reads the whole table again
 * (≈ 0.8 s at a million rows). Into a table that has rows, the indexes stay (rebuilding them would
 * re-read every existing row). This connection's page cache grows for the load and is put back
 * after; synchronous and the journal never change, so nothing about durability does.
 *
 * Into an empty table the trigram name index is built the same way: its insert trigger is dropped
 * for the load and FTS5's 'rebuild' reads the names once after the rows, then the trigger is
 * recreated from its stored SQL. The rebuild gathers the index in a 64 MiB hash instead of FTS5's
 * 1 MiB, so it writes a few large segments instead of merging hundreds of small ones (≈ 3 s
 * instead of ≈ 6 s at a million names here; tests/bench/registry.ts). Into a table that has rows,
 * the trigger stays: a rebuild would re-read every existing name.
 *
 * secure_delete (open-database.ts) stays on during a load, though it costs: the name index's
 * rebuild and the table's page splits free pages and cells holding this load's names, and those
 * copies must not outlive a later erasure of the person (measured off, a load was ≈ 10 % faster).
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import { encodeRows, insertEncoded } from '../db/bulk-insert';

/** This connection's page cache during a load (KiB): 256 MiB instead of SQLite's 2 MiB. */
const LOAD_CACHE_KIB = 262_144;

/** FTS5's in-memory hash while the name index is rebuilt (bytes), and its default after. */
const REBUILD_HASH_BYTES = 64 * 1024 * 1024;
const DEFAULT_HASH_BYTES = 1024 * 1024;

/** Migration 0002's trigger that adds each new row's name to the trigram index. */
const FTS_INSERT_TRIGGER = 'beneficiaries_fts_insert';

type Rows = readonly Record<string, unknown>[];

/** Writes the rows of a load inside its transaction; returns how many it wrote. */
export type FillRows = (trx: Transaction<Database>) => Promise<number>;

/**
 * Inserts every batch `batches` yields (rows with `columns`), one statement per batch; returns
 * the number of rows.
 */
export function bulkLoadBeneficiaries(db: Db, columns: readonly string[], batches: Iterable<Rows> | AsyncIterable<Rows>): Promise<number> {
  return loadBeneficiariesInBulk(db, columns, (trx) => insertBatches(trx, columns, batches));
}

/** A load whose rows `fill` writes, in `columns` (main/demo/synthetic-seed.ts makes them in SQL). */
export async function loadBeneficiariesInBulk(db: Db, columns: readonly string[], fill: FillRows): Promise<number> {
  const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  const previousCache = Number(cache.rows[0]?.cache_size ?? -2000);
  await sql.raw(`PRAGMA cache_size = -${LOAD_CACHE_KIB}`).execute(db);
  try {
    return await db.transaction().execute(async (trx) => {
      const empty = !(await sql`SELECT 1 FROM beneficiaries LIMIT 1`.execute(trx)).rows.length;
      // Indexes created by CREATE INDEX (sql not null; the primary key and UNIQUE column
      // constraints stay) on a column the load writes, and the trigger that feeds the name index
      // row by row. An index key that is an expression has no column name: it counts as written.
      const deferred = empty
        ? (
            await sql<{ type: 'index' | 'trigger'; name: string; sql: string }>`SELECT type, name, sql FROM sqlite_master m
              WHERE tbl_name = 'beneficiaries' AND sql IS NOT NULL AND (name = ${FTS_INSERT_TRIGGER} OR (type = 'index'
                AND EXISTS (SELECT 1 FROM pragma_index_info(m.name) k WHERE k.name IS NULL OR k.name IN (SELECT value FROM json_each(${JSON.stringify(columns)})))))
              ORDER BY type, name`.execute(trx)
          ).rows
        : [];
      for (const item of deferred) await sql`DROP ${sql.raw(item.type === 'index' ? 'INDEX' : 'TRIGGER')} ${sql.ref(item.name)}`.execute(trx);
      const rebuildNames = deferred.some((item) => item.name === FTS_INSERT_TRIGGER);

      const count = await fill(trx);

      if (rebuildNames) {
        await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('hashsize', ${REBUILD_HASH_BYTES})`.execute(trx);
        await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('rebuild')`.execute(trx);
        await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('hashsize', ${DEFAULT_HASH_BYTES})`.execute(trx);
      }
      for (const item of deferred) await sql.raw(item.sql).execute(trx);
      return count;
    });
  } finally {
    await sql.raw(`PRAGMA cache_size = ${previousCache}`).execute(db);
  }
}

/**
 * A pipeline: while SQLite inserts one batch (on libuv's thread pool), JavaScript makes and
 * encodes the next. One statement is in flight at a time, and it is always awaited before the
 * transaction ends, so a failure can never leave a statement running after the rollback.
 */
async function insertBatches(trx: Transaction<Database>, columns: readonly string[], batches: Iterable<Rows> | AsyncIterable<Rows>): Promise<number> {
  let count = 0;
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      const encoded = encodeRows(columns, rows);
      await inFlight;
      inFlight = insertEncoded(trx, 'beneficiaries', columns, encoded);
      inFlight.catch(() => undefined); // awaited on the next batch or below
      count += rows.length;
    }
  } finally {
    await inFlight.catch(() => undefined);
  }
  await inFlight;
  return count;
}
