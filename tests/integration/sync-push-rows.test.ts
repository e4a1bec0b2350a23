/**
 * The push reads rows as SQLite's json_object text and hashes that text as is when it is already
 * canonical (sync/local-rows.ts canonicalText). Real SQLite, random values of every kind a column
 * can hold: the text hashed and sent must be exactly canonicalRow of the row, as every other
 * counter and the digests compute it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../main/db/open-database';
import { canonicalText } from '../../main/sync/local-rows';
import { canonicalRow, type Row } from '../../shared/sync/canonical';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir('istiqbal-push-rows-');
let db: Db;

beforeAll(async () => {
  db = openDatabase(join(tmp.dir, 'rows.sqlite'));
  // Columns of every affinity, named so their sorted order differs from their declared order.
  await sql`CREATE TABLE t (k TEXT PRIMARY KEY, z ANY, b TEXT, a INTEGER, m REAL, "10" ANY, "Q" TEXT) STRICT`.execute(db);
});

afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

const COLUMNS = ['10', 'Q', 'a', 'b', 'k', 'm', 'z'];
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('06:24:16.330', '"x":1.5', '\\u0041', 'a\nb\tc\u0001\u001f"\\/', 'مدير النظام', ':1e5'));
const number = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double(),
  fc.constantFrom(0, -0, 1.0, 0.1, 1e21, 1e-7, 2 ** 53, 2 ** 53 + 2, 123456789012345678n),
);
const value = fc.oneof(text, number, fc.constant(null));

async function readBack(values: unknown[]): Promise<string> {
  await sql`DELETE FROM t`.execute(db);
  const [z, b, a, m, n10, q] = values;
  // STRICT columns refuse what their type cannot hold: keep each value in a column that takes it.
  const asInt = (v: unknown) => (typeof v === 'bigint' || Number.isSafeInteger(v) ? v : null);
  const asReal = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : null);
  const asText = (v: unknown) => (typeof v === 'string' ? v : null);
  await sql`INSERT INTO t (k, z, b, a, m, "10", "Q") VALUES ('key', ${z}, ${asText(b)}, ${asInt(a)}, ${asReal(m)}, ${n10}, ${asText(q)})`.execute(db);
  const obj = sql.raw(`json_object(${COLUMNS.map((c) => `'${c}', "${c}"`).join(', ')})`);
  const r = await sql<{ row: string }>`SELECT ${obj} AS row FROM t`.execute(db);
  return r.rows[0]!.row;
}

describe('canonicalText over SQLite json_object', () => {
  it('is exactly canonicalRow of the parsed row, for random values of every kind', async () => {
    let fast = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 6, maxLength: 6 }), async (values) => {
        const raw = await readBack(values);
        const got = canonicalText(raw);
        expect(got).toBe(canonicalRow(JSON.parse(raw) as Row));
        if (got === raw) fast++;
      }),
      { numRuns: 400 },
    );
    // The fast path is the common case, not a branch nothing reaches.
    expect(fast).toBeGreaterThan(20);
  });

  it('leaves ordinary rows (text, times, small integers, nulls) as SQLite wrote them', async () => {
    const raw = await readBack(['2026-11-29T06:24:16.330Z', 'مدير "النظام"', 42, null, -7, 'line\nbreak']);
    expect(canonicalText(raw)).toBe(raw);
    expect(raw).toBe(canonicalRow(JSON.parse(raw) as Row));
  });

  it('re-encodes reals and integers JS cannot hold exactly', async () => {
    for (const v of [1.0, 0.1 + 0.2, 1e21, 9007199254740993n]) {
      const raw = await readBack([v, null, null, null, null, null]);
      expect(canonicalText(raw)).toBe(canonicalRow(JSON.parse(raw) as Row));
    }
    // SQLite writes 1.0 for a real one; the canonical text is JavaScript's 1.
    expect(canonicalText(await readBack([null, null, null, 1, null, null]))).toContain('"m":1,');
  });
});
