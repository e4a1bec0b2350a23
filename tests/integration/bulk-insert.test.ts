import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../main/db/open-database';
import { bulkInsertJson } from '../../main/db/bulk-insert';
import { makeTempDir } from '../support/temp-dir';

let db: Db | undefined;
const tmp = makeTempDir();
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});
afterAll(() => tmp.cleanup());

describe('bulk insert through json_each', () => {
  it('keeps types, nulls, Arabic text and quotes intact', async () => {
    db = openDatabase(join(tmp.dir, 'bulk.sqlite'));
    await sql`CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT, amount REAL, n INTEGER, note TEXT)`.execute(db);
    const rows = [
      { id: 'a', name: 'عبد الله "الأول"', amount: 12.5, n: 3, note: null },
      { id: 'b', name: "O'Brien", amount: 0, n: -1, note: 'x\ny' },
    ];
    await bulkInsertJson(db as never, 't' as never, ['id', 'name', 'amount', 'n', 'note'], rows);
    const back = await sql<Record<string, unknown>>`SELECT id, name, amount, n, note, typeof(amount) AS ta, typeof(n) AS tn FROM t ORDER BY id`.execute(db);
    expect(back.rows).toEqual([
      { ...rows[0], ta: 'real', tn: 'integer' },
      { ...rows[1], ta: 'real', tn: 'integer' },
    ]);
  });

  it('inserts a missing key as NULL, and values by column order whatever the key order', async () => {
    db = openDatabase(join(tmp.dir, 'missing-keys.sqlite'));
    await sql`CREATE TABLE t (id TEXT PRIMARY KEY, name TEXT, note TEXT)`.execute(db);
    await bulkInsertJson(db as never, 't' as never, ['id', 'name', 'note'], [{ note: 'n', name: 'اسم', id: 'a' }, { id: 'b', name: 'ب' }]);
    const back = await sql<Record<string, unknown>>`SELECT id, name, note FROM t ORDER BY id`.execute(db);
    expect(back.rows).toEqual([
      { id: 'a', name: 'اسم', note: 'n' },
      { id: 'b', name: 'ب', note: null },
    ]);
  });
});
