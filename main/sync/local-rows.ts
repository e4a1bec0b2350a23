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

/**
 * Number tokens JSON.parse + JSON.stringify may not give back as SQLite wrote them: reals
 * (SQLite writes 1.0, 1.0e+20, 15 digits) and integers of 16 digits or more (beyond 2^53 a JS
 * number rounds). Any `\u` escape too. Every value json_object writes follows its key's closing
 * quote and a colon, with no space; inside a string a quote is always escaped, so a match there
 * (`\":1.5`) only sends that row down the slow path, and a time such as 06:24:16.330 never matches.
 */
const NOT_CANONICAL = /":-?\d*[.eE]|":-?\d{16}|\\u/;

/**
 * The canonical text of a row SQLite wrote with json_object over its columns in canonical (sorted)
 * order: that text itself when it holds only what JSON.stringify writes identically (text, null,
 * integers within 2^53: no parse, no re-encoding), else re-encoded through canonicalRow.
 */
export function canonicalText(sqliteJson: string): string {
  return NOT_CANONICAL.test(sqliteJson) ? canonicalRow(JSON.parse(sqliteJson) as Row) : sqliteJson;
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

/** One outbox entry range collapsed per row, as read for a push (see readPushRows). */
export interface PushRow {
  /** The row's latest outbox number in the range and its latest stamp. */
  seq: number;
  t: string;
  k: string;
  hlc: string;
  /** The row as json_object over its synchronised columns in sorted order; null: deleted. */
  row: string | null;
  /** The central version this counter last agreed with (sync_base), null when none. */
  base: number | null;
}

/**
 * A push batch in one statement: the first `limit` outbox entries after `afterSeq` (up to
 * `upTo`), collapsed per row in order of first appearance (parents before children), each with
 * its current row as JSON text (columns sorted, local-only columns left out) and its merge base;
 * entries of tables not registered or not in this schema are left out. `toSeq` is the last entry
 * read, from the same statement (one snapshot: an entry written meanwhile is never covered by a
 * batch that did not read it); null when the range is empty.
 */
export async function readPushRows(db: SDb | STrx, tables: readonly SyncedTable[], afterSeq: number, upTo: number, limit: number): Promise<{ toSeq: number | null; rows: PushRow[] }> {
  const branches: string[] = [];
  const names: string[] = [];
  for (const t of tables) {
    const cols = (await tableColumns(db, t.table)).filter((c) => !(t.localColumns && c in t.localColumns)).sort();
    if (cols.length === 0) continue;
    const obj = `json_object(${cols.map((c) => `${literal(c)}, ${quote(c)}`).join(', ')})`;
    branches.push(`WHEN ${literal(t.table)} THEN (SELECT ${obj} FROM ${quote(t.table)} WHERE ${quote(t.key)} = c.row_key)`);
    names.push(literal(t.table));
  }
  const row = branches.length > 0 ? `CASE c.table_name ${branches.join(' ')} END` : 'NULL';
  const known = names.length > 0 ? names.join(', ') : 'NULL';
  // The last row carries the range's end (first = max integer sorts it last).
  const text = `WITH e AS MATERIALIZED (
      SELECT seq, table_name, row_key, hlc FROM sync_outbox WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?
    ), c AS (
      SELECT table_name, row_key, min(seq) AS first, max(seq) AS seq, max(hlc) AS hlc FROM e GROUP BY table_name, row_key
    )
    SELECT c.first AS first, c.seq AS seq, c.table_name AS t, c.row_key AS k, c.hlc AS hlc, ${row} AS row, b.central_seq AS base
      FROM c LEFT JOIN sync_base b ON b.table_name = c.table_name AND b.row_key = c.row_key
      WHERE c.table_name IN (${known})
    UNION ALL
    SELECT 9223372036854775807, max(seq), NULL, NULL, NULL, NULL, NULL FROM e
    ORDER BY 1`;
  const r = await db.executeQuery<PushRow & { first: number }>(CompiledQuery.raw(text, [afterSeq, upTo, limit]));
  const end = r.rows.pop();
  return { toSeq: end === undefined || end.seq === null ? null : Number(end.seq), rows: r.rows };
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function quote(c: string): string {
  return `"${c.replace(/"/g, '""')}"`;
}

/**
 * Upserts rows in multi-row statements (the fast path). Throws on a constraint error; the
 * caller then retries row by row to find which rows must wait.
 *
 * Counters on different versions send different columns: a row from a counter that predates a
 * migration lacks the column it added. Each run of consecutive rows carrying the same columns
 * gets its own statement, so an absent column neither blanks the stored value (it is left out of
 * the update) nor makes the next row's value disappear (as one column list per batch, taken from
 * its first row, did).
 */
export async function upsertRows(trx: STrx, t: SyncedTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const live = await tableColumns(trx, t.table);
  const local = t.localColumns ?? {};
  const shared = live.filter((c) => !(c in local));
  const carried = (row: Row) => shared.filter((c) => row[c] !== undefined);
  for (let start = 0; start < rows.length; ) {
    const cols = carried(rows[start]!);
    const shape = cols.join('\u0000');
    let end = start + 1;
    while (end < rows.length && end - start < 5000 && carried(rows[end]!).join('\u0000') === shape) end++;
    await trx.executeQuery(CompiledQuery.raw(upsertStatement(t, live, cols), [JSON.stringify(rows.slice(start, end))]));
    start = end;
  }
}

/** The multi-row upsert of rows carrying `cols` (rows travel as one JSON parameter; see db/bulk-insert.ts). */
function upsertStatement(t: SyncedTable, live: readonly string[], cols: readonly string[]): string {
  const local = t.localColumns ?? {};
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
  const select = [
    ...cols.map((c) => `value ->> '$."${c.replace(/["'\\]/g, '')}"'`),
    ...localInsert.map((c) => (typeof local[c]!.insert === 'number' ? String(local[c]!.insert) : `'${String(local[c]!.insert).replace(/'/g, "''")}'`)),
  ];
  return `INSERT INTO ${quote(t.table)} (${allCols.map(quote).join(',')})
    SELECT ${select.join(', ')} FROM json_each(?) WHERE true
    ON CONFLICT(${quote(t.key)}) ${conflictAction}`;
}

export async function deleteRows(trx: STrx, t: SyncedTable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`DELETE FROM ${sql.table(t.table)} WHERE ${sql.ref(t.key)} IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`.execute(trx);
}
