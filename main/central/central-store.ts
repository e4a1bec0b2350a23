/**
 * The central side of the protocol, as SQL over one PostgreSQL connection. Every function here
 * is safe to repeat: a push batch is one transaction guarded by the device's high-water mark.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { CentralDatabase } from './central-schema';
import { centralMigrationProvider } from './migrations/index';
import { decideChange, type PulledChange, type PushBatch, type PushOutcome } from '../../shared/sync/batch';
import type { RangeDigest } from '../../shared/sync/digest';
import type { Row } from '../../shared/sync/canonical';

export type CentralDb = Kysely<CentralDatabase>;

/** One lock for all pushes: change numbers are then taken in commit order. */
const PUSH_LOCK = 0x15719ba1;

export async function migrateCentral(db: CentralDb): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: centralMigrationProvider,
    migrationTableName: 'istiqbal_central_migration',
    migrationLockTableName: 'istiqbal_central_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function centralNowMs(db: CentralDb): Promise<number> {
  const r = await sql<{ ms: string }>`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms`.execute(db);
  return Number(r.rows[0]!.ms);
}

export interface PushHooks {
  /** Test-only: runs inside the central transaction, before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

export async function pushBatch(db: CentralDb, batch: PushBatch, hooks: PushHooks = {}): Promise<PushOutcome[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(trx);
    await sql`INSERT INTO sync_devices (device_id, counter_id) VALUES (${batch.deviceId}, ${batch.counterId})
      ON CONFLICT (device_id) DO NOTHING`.execute(trx);
    const hw = await sql<{ high_water: string }>`SELECT high_water FROM sync_devices WHERE device_id = ${batch.deviceId}`.execute(trx);
    const highWater = Number(hw.rows[0]!.high_water);

    const outcomes = new Map<number, PushOutcome>();
    const replayed = batch.changes.filter((c) => c.seq <= highWater);
    if (replayed.length > 0) {
      // A batch seen before: answer as the first time, from the log, and change nothing.
      const found = await sql<{ device_seq: string; change_seq: string }>`SELECT device_seq, change_seq FROM sync_changes
        WHERE device_id = ${batch.deviceId} AND device_seq = ANY(${replayed.map((c) => c.seq)}::bigint[])`.execute(trx);
      const bySeq = new Map(found.rows.map((r) => [Number(r.device_seq), Number(r.change_seq)]));
      for (const c of replayed) {
        const changeSeq = bySeq.get(c.seq);
        outcomes.set(c.seq, changeSeq === undefined ? { seq: c.seq, status: 'stale' } : { seq: c.seq, status: 'accepted', changeSeq });
      }
    }

    const fresh = batch.changes.filter((c) => c.seq > highWater);
    if (fresh.length > 0) {
      const current = await sql<{ table_name: string; row_key: string; change_seq: string; origin_device: string }>`
        SELECT r.table_name, r.row_key, r.change_seq, r.origin_device FROM sync_rows r
        JOIN jsonb_to_recordset(${JSON.stringify(fresh.map((c) => ({ t: c.table, k: c.key })))}::jsonb) AS k(t text, k text)
          ON r.table_name = k.t AND r.row_key = k.k`.execute(trx);
      const byRow = new Map(current.rows.map((r) => [`${r.table_name}\u0000${r.row_key}`, { changeSeq: Number(r.change_seq), originDevice: r.origin_device }]));
      const accepted = fresh.filter((c) => {
        const d = decideChange(c, highWater, byRow.get(`${c.table}\u0000${c.key}`), batch.deviceId);
        if (d === 'stale') outcomes.set(c.seq, { seq: c.seq, status: 'stale' });
        return d === 'accept';
      });
      if (accepted.length > 0) {
        const inserted = await sql<{ device_seq: string; change_seq: string }>`
          WITH ins AS (
            INSERT INTO sync_changes (device_id, device_seq, table_name, row_key, op, row, row_hash, hlc)
            SELECT ${batch.deviceId}, x.seq, x.t, x.k, x.op, x.row, x.h, x.hlc
            -- One JSON parameter, parsed once by the server: far cheaper than eight bound arrays.
            FROM jsonb_to_recordset(${JSON.stringify(accepted.map((c) => ({ seq: c.seq, t: c.table, k: c.key, op: c.op, row: c.row, h: c.rowHash, hlc: c.hlc })))}::jsonb)
              AS x(seq bigint, t text, k text, op text, row jsonb, h text, hlc text)
            RETURNING change_seq, device_seq, table_name, row_key, row_hash, op
          ), up AS (
            INSERT INTO sync_rows (table_name, row_key, change_seq, origin_device, row_hash, deleted)
            SELECT table_name, row_key, change_seq, ${batch.deviceId}, row_hash, op = 'delete' FROM ins
            ON CONFLICT (table_name, row_key) DO UPDATE SET change_seq = excluded.change_seq,
              origin_device = excluded.origin_device, row_hash = excluded.row_hash, deleted = excluded.deleted
          )
          SELECT device_seq, change_seq FROM ins`.execute(trx);
        for (const r of inserted.rows) outcomes.set(Number(r.device_seq), { seq: Number(r.device_seq), status: 'accepted', changeSeq: Number(r.change_seq) });
      }
    }
    await sql`UPDATE sync_devices SET high_water = GREATEST(high_water, ${batch.toSeq}), last_push_at = now()
      WHERE device_id = ${batch.deviceId}`.execute(trx);
    await hooks.beforeCommit?.();
    return batch.changes.map((c) => outcomes.get(c.seq)!);
  });
}

interface ChangeRow {
  change_seq: string;
  device_id: string;
  table_name: string;
  row_key: string;
  op: 'upsert' | 'delete';
  row: Row | null;
  hlc: string;
}

function toPulled(r: ChangeRow): PulledChange {
  return { changeSeq: Number(r.change_seq), deviceId: r.device_id, table: r.table_name, key: r.row_key, op: r.op, row: r.row, hlc: r.hlc };
}

/** Changes other counters made after this counter's cursor, oldest first. */
export async function pullPage(db: CentralDb, deviceId: string, cursor: number, limit: number): Promise<PulledChange[]> {
  const r = await sql<ChangeRow>`SELECT change_seq, device_id, table_name, row_key, op, row, hlc FROM sync_changes
    WHERE change_seq > ${cursor} AND device_id <> ${deviceId} ORDER BY change_seq LIMIT ${limit}`.execute(db);
  return r.rows.map(toPulled);
}

/** The highest change number, so a counter can tell how far behind it is. */
export async function latestChangeSeq(db: CentralDb): Promise<number> {
  const r = await sql<{ m: string | null }>`SELECT max(change_seq) AS m FROM sync_changes`.execute(db);
  return Number(r.rows[0]!.m ?? 0);
}

/** `ownOnly`: tables whose rows are compared for one device only (push-only tables). */
export async function centralDigests(db: CentralDb, tables: string[], ownOnly: { tables: string[]; deviceId: string } = { tables: [], deviceId: '' }): Promise<RangeDigest[]> {
  const r = await sql<{ table_name: string; range: string; n: string; digest: string }>`
    SELECT table_name, left(md5(row_key), 1) AS range, count(*) AS n,
      md5(coalesce(string_agg(row_key || ':' || row_hash, ',' ORDER BY row_key COLLATE "C"), '')) AS digest
    FROM sync_rows WHERE NOT deleted AND table_name = ANY(${tables}::text[])
      AND (NOT table_name = ANY(${ownOnly.tables}::text[]) OR origin_device = ${ownOnly.deviceId})
    GROUP BY table_name, left(md5(row_key), 1)`.execute(db);
  const found = new Map(r.rows.map((x) => [`${x.table_name}/${x.range}`, x]));
  const out: RangeDigest[] = [];
  for (const table of tables) {
    for (const range of '0123456789abcdef') {
      const x = found.get(`${table}/${range}`);
      out.push({ table, range, count: x ? Number(x.n) : 0, digest: x ? x.digest : EMPTY_MD5 });
    }
  }
  return out;
}

/** md5 of the empty string: the digest of a range with no rows, on both sides. */
const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/** Every current row of one range, as a pull would deliver it (for repairs after a mismatch). */
export async function rangeRows(db: CentralDb, table: string, range: string, originDevice: string | null = null): Promise<PulledChange[]> {
  const r = await sql<ChangeRow>`SELECT c.change_seq, c.device_id, c.table_name, c.row_key, c.op, c.row, c.hlc
    FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq
    WHERE s.table_name = ${table} AND left(md5(s.row_key), 1) = ${range}
      AND (${originDevice}::text IS NULL OR s.origin_device = ${originDevice})
    ORDER BY c.change_seq`.execute(db);
  return r.rows.map(toPulled);
}

export async function markPulled(db: CentralDb, deviceId: string): Promise<void> {
  await sql`UPDATE sync_devices SET last_pull_at = now() WHERE device_id = ${deviceId}`.execute(db);
}
