/** The Kysely driver for sqlite3, on a real database file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../main/db/open-database';
import { makeTempDir } from '../support/temp-dir';

let db: Db;
let cleanup: () => void;

beforeEach(async () => {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  db = openDatabase(join(tmp.dir, 'driver.sqlite'));
  await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`.execute(db);
});
afterEach(async () => {
  await db.destroy();
  cleanup();
});

describe('sqlite3 Kysely driver', () => {
  it('applies the durability pragmas', async () => {
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    const sync = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    expect(fk.rows[0]!.foreign_keys).toBe(1);
    expect(sync.rows[0]!.synchronous).toBe(2);
  });

  it('reports affected rows and insert ids', async () => {
    const inserted = await sql`INSERT INTO t (v) VALUES ('a'), ('b')`.execute(db);
    expect(inserted.numAffectedRows).toBe(2n);
    const updated = await sql`UPDATE t SET v = 'c'`.execute(db);
    expect(updated.numAffectedRows).toBe(2n);
  });

  it('rolls a failed transaction back entirely', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`INSERT INTO t (v) VALUES ('kept?')`.execute(trx);
        await sql`INSERT INTO t (v) VALUES (NULL)`.execute(trx);
      }),
    ).rejects.toThrow(/NOT NULL/);
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('keeps concurrent transactions apart on the one connection', async () => {
    // Without a connection mutex the second BEGIN would run inside the first transaction.
    const writers = Array.from({ length: 20 }, (_, i) =>
      db.transaction().execute(async (trx) => {
        await sql`INSERT INTO t (v) VALUES (${`w${i}-1`})`.execute(trx);
        await new Promise((r) => setTimeout(r, 1));
        if (i % 4 === 0) throw new Error('roll back this one');
        await sql`INSERT INTO t (v) VALUES (${`w${i}-2`})`.execute(trx);
      }),
    );
    const outcomes = await Promise.allSettled(writers);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(5);
    const rows = await sql<{ v: string }>`SELECT v FROM t ORDER BY id`.execute(db);
    expect(rows.rows).toHaveLength(30);
    // Each surviving transaction left both of its rows; none of the rolled-back ones left any.
    for (let i = 0; i < 20; i++) {
      const mine = rows.rows.filter((r) => r.v.startsWith(`w${i}-`));
      expect(mine).toHaveLength(i % 4 === 0 ? 0 : 2);
    }
  });

  it('streams a large read row by row', async () => {
    await sql`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) INSERT INTO t (v) SELECT 'r' || x FROM n`.execute(db);
    const seen: string[] = [];
    const stream = db.selectFrom('t' as never).select(sql<string>`v`.as('v')).stream(250);
    for await (const row of stream) seen.push((row as { v: string }).v);
    expect(seen).toHaveLength(5000);
    expect(seen[0]).toBe('r1');
    expect(seen[4999]).toBe('r5000');
  });
});
