/**
 * Loading many beneficiary rows at once (benchmarks, large test data, imports), in ONE
 * transaction, so a failure or a crash leaves the file exactly as it was.
 *
 * Into an empty table, the secondary indexes (ID number, mobiles, name) are dropped first and
 * recreated from their own stored SQL after the rows: building a B-tree from sorted keys costs a
 * fraction of a million random inserts, and the unique ID-number index still refuses a duplicate
 * (CREATE UNIQUE INDEX fails, the whole load rolls back). Into a table that has rows, the indexes
 * stay (rebuilding them would re-read every existing row). This connection's page cache grows
 * for the load and is put back after; synchronous and the journal never change, so nothing about
 * durability does.
 *
 * The trigram name index stays fed by its trigger. Dropping the trigger and running FTS5's
 * 'rebuild' afterwards was measured slower here (rebuild ≈ 8.8 s against ≈ 5.6 s of trigger work
 * per 100,000 rows on this 2-core machine; tests/bench/registry.ts), and also larger buffers with
 * automatic merging off did not pay.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { bulkInsertJson } from '../db/bulk-insert';

/** This connection's page cache during a load (KiB): 256 MiB instead of SQLite's 2 MiB. */
const LOAD_CACHE_KIB = 262_144;

type Rows = readonly Record<string, unknown>[];

/**
 * Inserts every batch `batches` yields (rows with `columns`), one statement per batch; returns
 * the number of rows.
 */
export async function bulkLoadBeneficiaries(db: Db, columns: readonly string[], batches: Iterable<Rows> | AsyncIterable<Rows>): Promise<number> {
  const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  const previousCache = Number(cache.rows[0]?.cache_size ?? -2000);
  await sql.raw(`PRAGMA cache_size = -${LOAD_CACHE_KIB}`).execute(db);
  try {
    return await db.transaction().execute(async (trx) => {
      const empty = !(await sql`SELECT 1 FROM beneficiaries LIMIT 1`.execute(trx)).rows.length;
      // Indexes created by CREATE INDEX (sql not null); the primary key and UNIQUE column constraints stay.
      const indexes = empty
        ? (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'beneficiaries' AND sql IS NOT NULL ORDER BY name`.execute(trx)).rows
        : [];
      for (const index of indexes) await sql`DROP INDEX ${sql.ref(index.name)}`.execute(trx);
      let count = 0;
      for await (const rows of batches) {
        await bulkInsertJson(trx, 'beneficiaries', columns, rows);
        count += rows.length;
      }
      for (const index of indexes) await sql.raw(index.sql).execute(trx);
      return count;
    });
  } finally {
    await sql.raw(`PRAGMA cache_size = ${previousCache}`).execute(db);
  }
}
