/** `sync_base`: the central version of each row this counter last agreed with (merge base). */
import { CompiledQuery, sql } from 'kysely';
import type { Row } from '../../shared/sync/canonical';
import type { SDb, STrx } from './sync-db';

export interface BaseEntry {
  table: string;
  key: string;
  centralSeq: number;
  row: Row | null;
}

const CHUNK = 400;

export async function readBase(db: SDb | STrx, table: string, keys: string[]): Promise<Map<string, { centralSeq: number; row: Row | null }>> {
  const out = new Map<string, { centralSeq: number; row: Row | null }>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const r = await db
      .selectFrom('sync_base')
      .select(['row_key', 'central_seq', 'row_json'])
      .where('table_name', '=', table)
      .where('row_key', 'in', keys.slice(i, i + CHUNK))
      .execute();
    for (const b of r) out.set(b.row_key, { centralSeq: Number(b.central_seq), row: b.row_json ? (JSON.parse(b.row_json) as Row) : null });
  }
  return out;
}

export async function writeBase(trx: STrx, entries: BaseEntry[]): Promise<void> {
  const per = 2000;
  for (let i = 0; i < entries.length; i += per) {
    const part = entries.slice(i, i + per);
    const params: unknown[] = [];
    for (const e of part) params.push(e.table, e.key, e.centralSeq, e.row === null ? null : JSON.stringify(e.row));
    await trx.executeQuery(
      CompiledQuery.raw(
        `INSERT INTO sync_base (table_name, row_key, central_seq, row_json) VALUES ${part.map(() => '(?,?,?,?)').join(',')}
         ON CONFLICT (table_name, row_key) DO UPDATE SET central_seq = excluded.central_seq, row_json = excluded.row_json`,
        params,
      ),
    );
  }
}

/** Pending local changes per key: the latest stamp of each key that still has outbox entries. */
export async function pendingStamps(db: SDb | STrx, table: string, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const r = await sql<{ row_key: string; hlc: string }>`SELECT row_key, max(hlc) AS hlc FROM sync_outbox
      WHERE table_name = ${table} AND row_key IN (${sql.join(keys.slice(i, i + CHUNK))}) GROUP BY row_key`.execute(db);
    for (const p of r.rows) out.set(p.row_key, p.hlc);
  }
  return out;
}
