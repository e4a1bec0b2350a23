/**
 * The central side of the protocol, as SQL over one PostgreSQL connection. Every function here
 * is safe to repeat: a push batch is one transaction guarded by the device's high-water mark.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { CentralDatabase } from './central-schema';
import { centralMigrationProvider } from './migrations/index';
import { rowJson, type PulledChange, type PushBatch, type PushChange, type PushOutcome } from '../../shared/sync/batch';
import type { RangeDigest } from '../../shared/sync/digest';
import type { Row } from '../../shared/sync/canonical';
import { SYNCED_TABLES } from '../sync/synced-tables';

export type CentralDb = Kysely<CentralDatabase>;

export async function migrateCentral(db: CentralDb): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: centralMigrationProvider,
    migrationTableName: 'istiqbal_central_migration',
    migrationLockTableName: 'istiqbal_central_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await writeTableRules(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Which tables are owner-only (a row may be changed only by the device that wrote it), from the registry. */
export async function writeTableRules(db: CentralDb): Promise<void> {
  const rules = SYNCED_TABLES.map((t) => ({ t: t.table, o: t.pushOnly === true }));
  await sql`INSERT INTO sync_table_rules (table_name, owner_only)
    SELECT t, o FROM jsonb_to_recordset(${JSON.stringify(rules)}::jsonb) AS x(t text, o boolean)
    ON CONFLICT (table_name) DO UPDATE SET owner_only = excluded.owner_only`.execute(db);
}

export async function centralNowMs(db: CentralDb): Promise<number> {
  const r = await sql<{ ms: string }>`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms`.execute(db);
  return Number(r.rows[0]!.ms);
}

export interface PushHooks {
  /** Test-only: runs inside the central transaction, before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

/** Refused by the central side: this login may not write as that device (migration 0002). */
export class DeviceNotOwnedError extends Error {}

export function refusal(error: unknown): never {
  const e = error as { code?: string; message?: string };
  if (e?.code === '42501' && /^istiqbal: device/.test(e.message ?? '')) throw new DeviceNotOwnedError(e.message);
  throw error;
}

/**
 * The batch as the JSON text `istiqbal_push` reads, built by concatenation: a row that carries
 * its canonical text (`rowText`, what its hash covers) goes in as that text, never re-encoded.
 */
export function encodeChanges(changes: readonly PushChange[]): string {
  const parts: string[] = new Array(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    parts[i] =
      `{"i":${i},"seq":${JSON.stringify(c.seq)},"t":${JSON.stringify(c.table)},"k":${JSON.stringify(c.key)},"op":${JSON.stringify(c.op)},` +
      `"row":${rowJson(c)},"h":${JSON.stringify(c.rowHash)},"hlc":${JSON.stringify(c.hlc)},"base":${JSON.stringify(c.baseSeq)}}`;
  }
  return `[${parts.join(',')}]`;
}

/** Central databases found without the jsonb `istiqbal_push` (not migrated to 0005 yet). */
const jsonOnly = new WeakSet<CentralDb>();

/**
 * One batch through `istiqbal_push` (SECURITY DEFINER, see migrations/0002 and 0005): the server
 * checks that this login owns the device, decides each change (replayed / accepted / stale) and
 * moves the device's high-water mark, all in this one transaction. The batch goes as one `jsonb`
 * parameter, parsed once by the server; a central database not yet migrated to 0005 gets the
 * same text as `json`.
 */
export async function pushBatch(db: CentralDb, batch: PushBatch, hooks: PushHooks = {}): Promise<PushOutcome[]> {
  const changes = encodeChanges(batch.changes);
  const run = (asJson: boolean): Promise<PushOutcome[]> =>
    db.transaction().execute(async (trx) => {
      const param = asJson ? sql`${changes}::json` : sql`${changes}::jsonb`;
      const r = await sql<{ seq: string; accepted: boolean; change_seq: string | null }>`SELECT seq, accepted, change_seq
        FROM istiqbal_push(${batch.deviceId}, ${batch.counterId}, ${batch.toSeq}, ${param})`
        .execute(trx)
        .catch(refusal);
      const outcomes = new Map<number, PushOutcome>();
      for (const o of r.rows) {
        const seq = Number(o.seq);
        outcomes.set(seq, o.accepted && o.change_seq !== null ? { seq, status: 'accepted', changeSeq: Number(o.change_seq) } : { seq, status: 'stale' });
      }
      await hooks.beforeCommit?.();
      return batch.changes.map((c): PushOutcome => outcomes.get(c.seq) ?? { seq: c.seq, status: 'stale' });
    });
  if (jsonOnly.has(db)) return run(true);
  try {
    return await run(false);
  } catch (e) {
    // 42883: no istiqbal_push taking jsonb. The transaction rolled back whole; send it as json.
    if ((e as { code?: string })?.code !== '42883') throw e;
    jsonOnly.add(db);
    return run(true);
  }
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

export async function markPulled(db: CentralDb, deviceId: string, counterId: string): Promise<void> {
  await sql`SELECT istiqbal_mark_pulled(${deviceId}, ${counterId})`.execute(db).catch(refusal);
}
