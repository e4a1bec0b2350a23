/**
 * After a run: per table and per range (16 ranges by key hash), the count and digest of this
 * counter's rows against the central current rows. A differing range is re-pulled whole (and
 * rows only this counter has are queued for the next push); what still differs is reported.
 * Skipped while local edits are pending, since those legitimately differ.
 */
import { sql } from 'kysely';
import { differingRanges, rangeDigests, type RangeDigest } from '../../shared/sync/digest';
import { sameButNewColumns, type Row } from '../../shared/sync/canonical';
import type { PulledChange } from '../../shared/sync/batch';
import { hlcEncode } from '../../shared/sync/hlc';
import { centralDigests, rangeRows, type CentralDb } from '../central/central-store';
import { applyChanges, withApplying } from './apply-remote';
import { md5, readRows, rowHash, selectRowsJson, tableColumns } from './local-rows';
import type { SDb, STrx } from './sync-db';
import { getState } from './sync-state';
import { SYNCED_TABLES, type SyncedTable } from './synced-tables';

export interface VerifyResult {
  skipped: boolean;
  mismatches: RangeDigest[];
  repulled: number;
  remaining: RangeDigest[];
  /** Ranges whose only difference was this counter's rows pushed before a migration added columns: queued to push again. */
  resent: RangeDigest[];
}

async function existingTables(db: SDb): Promise<string[]> {
  const out: string[] = [];
  for (const t of SYNCED_TABLES) if ((await tableColumns(db, t.table)).length > 0) out.push(t.table);
  return out;
}

export async function localDigests(db: SDb, tables: string[]): Promise<RangeDigest[]> {
  const out: RangeDigest[] = [];
  for (const name of tables) {
    const t = SYNCED_TABLES.find((s) => s.table === name)!;
    const hashes = new Map<string, string>();
    for (const r of await selectRowsJson(db, t)) hashes.set(String(r[t.key]), rowHash(r));
    const held = await db.selectFrom('sync_held').select(['row_key', 'row_json']).where('table_name', '=', name).execute();
    for (const h of held) hashes.set(h.row_key, rowHash(JSON.parse(h.row_json) as Row));
    const list = [...hashes].filter(([, h]) => h).map(([key, rh]) => ({ key, rowHash: rh }));
    out.push(...rangeDigests(name, list, md5));
  }
  return out;
}

/**
 * Rows of a re-pulled range whose central version came from this counter before a migration added
 * columns: the central copy lacks the keys (and its hash them), while the local row holds them as
 * null, so the range would differ on every run though nothing differs. They are queued once for
 * the next push, after which the central copy carries the new columns. Only this counter's own
 * versions: a row another counter sent is for that counter to send again once it has the columns.
 */
async function queueNewColumnRepairs(trx: STrx, t: SyncedTable, rows: PulledChange[], deviceId: string, hlc: string): Promise<number> {
  const own = rows.filter((r) => r.deviceId === deviceId && r.op === 'upsert' && r.row);
  const local = await readRows(trx, t, own.map((r) => r.key));
  let queued = 0;
  for (const r of own) {
    const row = local.get(r.key);
    if (row && rowHash(row) !== rowHash(r.row!) && sameButNewColumns(row, r.row!)) {
      await trx.insertInto('sync_outbox').values({ table_name: t.table, row_key: r.key, hlc }).execute();
      queued++;
    }
  }
  return queued;
}

export async function verify(db: SDb, central: CentralDb, nowMs: number): Promise<VerifyResult> {
  const pending = await db.selectFrom('sync_outbox').select('seq').limit(1).executeTakeFirst();
  if (pending) return { skipped: true, mismatches: [], repulled: 0, remaining: [], resent: [] };
  const tables = await existingTables(db);
  const deviceId = (await getState(db, 'device_id'))!;
  const ownOnly = { tables: SYNCED_TABLES.filter((t) => t.pushOnly).map((t) => t.table), deviceId };
  const mismatches = differingRanges(await localDigests(db, tables), await centralDigests(central, tables, ownOnly));
  let repulled = 0;
  const resent: RangeDigest[] = [];
  for (const m of mismatches) {
    const t = SYNCED_TABLES.find((s) => s.table === m.table)!;
    const rows = await rangeRows(central, m.table, m.range, t.pushOnly ? deviceId : null);
    const centralKeys = new Set(rows.map((r) => r.key));
    await db.transaction().execute(async (trx) => {
      await withApplying(trx, () => applyChanges(trx, rows, { nowMs, force: true }));
      // Rows this counter has in the range but the central side lacks: send them next push.
      const ctl = await trx.selectFrom('sync_control').select(['node']).where('id', '=', 1).executeTakeFirstOrThrow();
      const hlc = hlcEncode({ ms: nowMs, counter: 0, node: ctl.node });
      const local = await sql<Record<string, unknown>>`SELECT ${sql.ref(t.key)} AS k FROM ${sql.table(m.table)}`.execute(trx);
      for (const r of local.rows) {
        const key = String(r.k);
        if (md5(key).charAt(0) === m.range && !centralKeys.has(key)) {
          await trx.insertInto('sync_outbox').values({ table_name: m.table, row_key: key, hlc }).execute();
        }
      }
      if ((await queueNewColumnRepairs(trx, t, rows, deviceId, hlc)) > 0) resent.push(m);
    });
    repulled += rows.length;
  }
  let remaining: RangeDigest[] = [];
  if (mismatches.length > 0) {
    const again = [...new Set(mismatches.map((m) => m.table))];
    const wanted = new Set(mismatches.filter((m) => !resent.includes(m)).map((m) => `${m.table}/${m.range}`));
    remaining = differingRanges(await localDigests(db, again), await centralDigests(central, again, ownOnly)).filter((d) => wanted.has(`${d.table}/${d.range}`));
  }
  return { skipped: false, mismatches, repulled, remaining, resent };
}
