/**
 * Reading and writing synchronised rows generically, from the registry and the live schema:
 * local-only columns are stripped on the way out and filled on the way in; columns the remote
 * row carries but this counter's schema lacks are ignored (an older counter keeps syncing).
 */
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { canonicalRow, type Row } from '../../shared/sync/canonical';
import type { SDb, STrx } from './sync-db';
import type { SyncedTable } from './synced-tables';

export function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

export function rowHash(row: Row): string {
  return md5(canonicalRow(row));
}

const columnCache = new WeakMap<object, Map<string, string[]>>();

export async function tableColumns(db: SDb | STrx, table: string): Promise<string[]> {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    const r = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
    cols = r.rows.map((c) => c.name);
    perDb.set(table, cols);
  }
  return cols;
}

export function forgetColumns(db: object): void {
  columnCache.delete(db);
}

export function stripLocal(t: SyncedTable, row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (t.localColumns && k in t.localColumns) continue;
    out[k] = v === undefined ? null : (v as Row[string]);
  }
  return out;
}

/** The current local rows for these keys (local-only columns stripped). */
export async function readRows(db: SDb | STrx, t: SyncedTable, keys: string[]): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  if (keys.length === 0) return out;
  // Keys go in as one JSON parameter and rows come back as one JSON text: marshalling thousands
  // of parameters and values one by one through the driver costs more than the read itself.
  const rows = await selectRowsJson(db, t, sql`WHERE ${sql.ref(t.key)} IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`);
  for (const row of rows) out.set(String(row[t.key]), row);
  return out;
}

/** Rows of a synchronised table (local-only columns left out), read as one JSON array. */
export async function selectRowsJson(db: SDb | STrx, t: SyncedTable, where: RawBuilder<unknown> = sql``): Promise<Row[]> {
  const cols = (await tableColumns(db, t.table)).filter((c) => !(t.localColumns && c in t.localColumns));
  if (cols.length === 0) return [];
  const obj = sql.raw(`json_object(${cols.map((c) => `'${c}', ${quote(c)}`).join(', ')})`);
  const r = await sql<{ rows: string | null }>`SELECT json_group_array(${obj}) AS rows FROM ${sql.table(t.table)} ${where}`.execute(db);
  return JSON.parse(r.rows[0]?.rows ?? '[]') as Row[];
}

function quote(c: string): string {
  return `"${c.replace(/"/g, '""')}"`;
}

/**
 * Upserts rows in multi-row statements (the fast path). Throws on a constraint error; the
 * caller then retries row by row to find which rows must wait.
 */
export async function upsertRows(trx: STrx, t: SyncedTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const live = await tableColumns(trx, t.table);
  const local = t.localColumns ?? {};
  const cols = live.filter((c) => !(c in local) && rows[0]![c] !== undefined);
  const localInsert = Object.keys(local).filter((c) => live.includes(c) && local[c]!.insert !== null);
  const allCols = [...cols, ...localInsert];
  const conflictAction = t.immutable
    ? 'DO NOTHING'
    : `DO UPDATE SET ${[
        ...cols.filter((c) => c !== t.key).map((c) => `${quote(c)} = excluded.${quote(c)}`),
        ...Object.keys(local)
          .filter((c) => live.includes(c) && local[c]!.bump)
          .map((c) => `${quote(c)} = ${quote(t.table)}.${quote(c)} + 1`),
      ].join(', ')}${t.updateWhen ? ` WHERE ${t.updateWhen}` : ''}`;
  // Rows travel as one JSON parameter and SQLite unpacks them in C (see db/bulk-insert.ts).
  const select = [
    ...cols.map((c) => `value ->> '$."${c.replace(/["'\\]/g, '')}"'`),
    ...localInsert.map((c) => (typeof local[c]!.insert === 'number' ? String(local[c]!.insert) : `'${String(local[c]!.insert).replace(/'/g, "''")}'`)),
  ];
  const text = `INSERT INTO ${quote(t.table)} (${allCols.map(quote).join(',')})
    SELECT ${select.join(', ')} FROM json_each(?) WHERE true
    ON CONFLICT(${quote(t.key)}) ${conflictAction}`;
  for (let i = 0; i < rows.length; i += 5000) {
    await trx.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows.slice(i, i + 5000))]));
  }
}

export async function deleteRows(trx: STrx, t: SyncedTable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`DELETE FROM ${sql.table(t.table)} WHERE ${sql.ref(t.key)} IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`.execute(trx);
}
