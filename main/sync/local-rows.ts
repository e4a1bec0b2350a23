/**
 * Reading and writing synchronised rows generically, from the registry and the live schema:
 * local-only columns are stripped on the way out and filled on the way in; columns the remote
 * row carries but this counter's schema lacks are ignored (an older counter keeps syncing).
 */
import { createHash } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
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

const CHUNK = 400;

/** The current local rows for these keys (local-only columns stripped). */
export async function readRows(db: SDb | STrx, t: SyncedTable, keys: string[]): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK);
    const r = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t.table)} WHERE ${sql.ref(t.key)} IN (${sql.join(part)})`.execute(db);
    for (const row of r.rows) out.set(String(row[t.key]), stripLocal(t, row));
  }
  return out;
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
  const perStatement = Math.max(1, Math.floor(30000 / allCols.length));
  const conflictAction = t.immutable
    ? 'DO NOTHING'
    : `DO UPDATE SET ${[
        ...cols.filter((c) => c !== t.key).map((c) => `${quote(c)} = excluded.${quote(c)}`),
        ...Object.keys(local)
          .filter((c) => live.includes(c) && local[c]!.bump)
          .map((c) => `${quote(c)} = ${quote(t.table)}.${quote(c)} + 1`),
      ].join(', ')}`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    const tuples = part.map((row) => {
      for (const c of cols) params.push(row[c] ?? null);
      for (const c of localInsert) params.push(local[c]!.insert);
      return `(${allCols.map(() => '?').join(',')})`;
    });
    const text = `INSERT INTO ${quote(t.table)} (${allCols.map(quote).join(',')}) VALUES ${tuples.join(',')}
      ON CONFLICT(${quote(t.key)}) ${conflictAction}`;
    await trx.executeQuery(CompiledQuery.raw(text, params));
  }
}

export async function deleteRows(trx: STrx, t: SyncedTable, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += CHUNK) {
    await sql`DELETE FROM ${sql.table(t.table)} WHERE ${sql.ref(t.key)} IN (${sql.join(keys.slice(i, i + CHUNK))})`.execute(trx);
  }
}
