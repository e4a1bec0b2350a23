/**
 * Applies changes from the central log to this counter, in the caller's transaction with the
 * capture triggers switched off. Rows with no local edits pending are written as they come (in
 * multi-row statements); rows with pending local edits are merged (shared/sync/merge.ts).
 * A row the local constraints refuse is held, not lost: a second live record with the same
 * national ID goes to the conflict queue; a child whose parent has not arrived waits for it.
 */
import { randomUUID } from 'node:crypto';
import { hlcDecode, hlcReceive } from '../../shared/sync/hlc';
import { mergeRow, type FieldConflict } from '../../shared/sync/merge';
import { sameRow, type Row } from '../../shared/sync/canonical';
import type { PulledChange } from '../../shared/sync/batch';
import { pendingStamps, readBase, writeBase, type BaseEntry } from './base-rows';
import { deleteRows, readRows, tableColumns, upsertRows } from './local-rows';
import type { STrx } from './sync-db';
import { SYNCED_TABLES, type SyncedTable } from './synced-tables';

export interface ApplyOptions {
  nowMs: number;
  /** Repairs after a digest mismatch: apply even what the merge base says was seen. */
  force?: boolean;
}

export interface ApplyResult {
  applied: number;
  conflicts: number;
  held: number;
}

export async function withApplying<T>(trx: STrx, fn: () => Promise<T>): Promise<T> {
  await trx.updateTable('sync_control').set({ applying: 1 }).where('id', '=', 1).execute();
  const out = await fn();
  await trx.updateTable('sync_control').set({ applying: 0 }).where('id', '=', 1).execute();
  return out;
}

function constraintKind(error: unknown): 'unique' | 'fk' | null {
  const m = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed/i.test(m)) return 'unique';
  if (/FOREIGN KEY constraint failed/i.test(m)) return 'fk';
  return null;
}

async function addConflict(
  trx: STrx,
  c: { kind: 'field' | 'duplicate' | 'unique'; table: string; key: string; field?: string | null; local?: unknown; remote?: unknown; otherKey?: string | null; device?: string | null },
  at: string,
): Promise<boolean> {
  let q = trx.selectFrom('sync_conflicts').select('id').where('resolved_at', 'is', null).where('kind', '=', c.kind).where('table_name', '=', c.table).where('row_key', '=', c.key);
  q = c.field ? q.where('field', '=', c.field) : q;
  const open = await q.executeTakeFirst();
  const values = {
    local_value: c.local === undefined ? null : JSON.stringify(c.local),
    remote_value: c.remote === undefined ? null : JSON.stringify(c.remote),
    other_key: c.otherKey ?? null,
    remote_device: c.device ?? null,
  };
  if (open) {
    await trx.updateTable('sync_conflicts').set(values).where('id', '=', open.id).execute();
    return false;
  }
  await trx
    .insertInto('sync_conflicts')
    .values({ id: randomUUID(), kind: c.kind, table_name: c.table, row_key: c.key, field: c.field ?? null, detected_at: at, resolved_at: null, resolved_by: null, resolution: null, ...values })
    .execute();
  return true;
}

/** Writes one row alone; when the local constraints refuse it, holds it (and queues a duplicate). */
async function writeOrHold(trx: STrx, t: SyncedTable, key: string, row: Row, centralSeq: number, device: string | null, at: string): Promise<{ held: boolean; conflict: boolean }> {
  try {
    await upsertRows(trx, t, [row]);
    await trx.deleteFrom('sync_held').where('table_name', '=', t.table).where('row_key', '=', key).execute();
    return { held: false, conflict: false };
  } catch (error) {
    const kind = constraintKind(error);
    if (!kind) throw error;
    await trx
      .insertInto('sync_held')
      .values({ table_name: t.table, row_key: key, central_seq: centralSeq, row_json: JSON.stringify(row), reason: kind, held_at: at })
      .onConflict((oc) => oc.columns(['table_name', 'row_key']).doUpdateSet({ central_seq: centralSeq, row_json: JSON.stringify(row), reason: kind }))
      .execute();
    if (kind === 'fk') return { held: true, conflict: false };
    let otherKey: string | null = null;
    if (t.table === 'beneficiaries' && row.id_number != null) {
      const other = await trx.selectFrom('beneficiaries').select('id').where('id_number', '=', String(row.id_number)).where('deleted_at', 'is', null).executeTakeFirst();
      otherKey = other?.id ?? null;
    }
    // Two counters' accounts with one username (each installation's first "admin"): a person
    // chooses which keeps the name (conflicts.ts); the other is renamed everywhere.
    if (t.table === 'users' && row.username != null) {
      const other = await trx.selectFrom('users').select('id').where('username', '=', String(row.username)).where('id', '!=', key).executeTakeFirst();
      otherKey = other?.id ?? null;
    }
    const created = await addConflict(trx, { kind: otherKey && t.table === 'beneficiaries' ? 'duplicate' : 'unique', table: t.table, key, otherKey, device }, at);
    return { held: true, conflict: created };
  }
}

export async function applyChanges(trx: STrx, changes: PulledChange[], opts: ApplyOptions): Promise<ApplyResult> {
  const at = new Date(opts.nowMs).toISOString();
  const result: ApplyResult = { applied: 0, conflicts: 0, held: 0 };
  // The latest change per row is all that matters; earlier ones in the page are superseded.
  const latest = new Map<string, PulledChange>();
  for (const c of changes) latest.set(`${c.table}\u0000${c.key}`, c);
  const heldCount = Number((await trx.selectFrom('sync_held').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  for (const t of SYNCED_TABLES) {
    const mine = [...latest.values()].filter((c) => c.table === t.table);
    // Push-only tables never come back; a table this counter's version lacks is skipped (the
    // central copy keeps it, a later version picks it up through the digest repair).
    if (mine.length === 0 || t.pushOnly || (await tableColumns(trx, t.table)).length === 0) continue;
    const keys = mine.map((c) => c.key);
    const bases = await readBase(trx, t.table, keys);
    const pending = await pendingStamps(trx, t.table, keys);
    const direct: PulledChange[] = [];
    const merged: PulledChange[] = [];
    for (const c of mine) {
      const b = bases.get(c.key);
      if (!opts.force && b && b.centralSeq >= c.changeSeq) continue; // already part of this counter's copy
      (pending.has(c.key) ? merged : direct).push(c);
    }
    const baseOut: BaseEntry[] = [];
    const keep = (c: PulledChange) => baseOut.push({ table: t.table, key: c.key, centralSeq: c.changeSeq, row: t.mergeClass === 'fields' ? c.row : null });

    // Fast path: no local edits pending.
    const upserts = direct.filter((c) => c.op === 'upsert' && c.row);
    const deletes = direct.filter((c) => c.op === 'delete' || !c.row).map((c) => c.key);
    let fastOk = true;
    try {
      await upsertRows(trx, t, upserts.map((c) => c.row!));
    } catch (error) {
      if (!constraintKind(error)) throw error;
      fastOk = false;
    }
    if (fastOk && heldCount > 0 && upserts.length > 0) {
      for (let i = 0; i < upserts.length; i += 400) {
        await trx.deleteFrom('sync_held').where('table_name', '=', t.table).where('row_key', 'in', upserts.slice(i, i + 400).map((c) => c.key)).execute();
      }
    }
    if (!fastOk) {
      for (const c of upserts) {
        const r = await writeOrHold(trx, t, c.key, c.row!, c.changeSeq, c.deviceId, at);
        if (r.held) result.held++;
        if (r.conflict) result.conflicts++;
      }
    }
    await deleteRows(trx, t, deletes);
    if (heldCount > 0 && deletes.length > 0) {
      await trx.deleteFrom('sync_held').where('table_name', '=', t.table).where('row_key', 'in', deletes).execute();
    }
    direct.forEach(keep);
    result.applied += direct.length;

    // Slow path: merge with pending local edits.
    if (merged.length > 0) {
      const locals = await readRows(trx, t, merged.map((c) => c.key));
      for (const c of merged) {
        const base = bases.get(c.key)?.row ?? null;
        const local = locals.get(c.key) ?? null;
        const { row, conflicts } = mergeRow({
          mergeClass: t.mergeClass,
          identityFields: t.identityFields ?? [],
          fieldRules: t.fieldRules,
          base,
          local,
          remote: c.row,
          localHlc: pending.get(c.key)!,
          remoteHlc: c.hlc,
        });
        if (row) {
          const r = await writeOrHold(trx, t, c.key, row, c.changeSeq, c.deviceId, at);
          if (r.held) result.held++;
          if (r.conflict) result.conflicts++;
        } else await deleteRows(trx, t, [c.key]);
        for (const f of conflicts as FieldConflict[]) {
          if (await addConflict(trx, { kind: 'field', table: t.table, key: c.key, field: f.field, local: f.localValue, remote: f.remoteValue, device: c.deviceId }, at)) result.conflicts++;
        }
        // Nothing left to send when the merge result is the central row.
        if (sameRow(row, c.row)) await trx.deleteFrom('sync_outbox').where('table_name', '=', t.table).where('row_key', '=', c.key).execute();
        keep(c);
        result.applied++;
      }
    }
    await writeBase(trx, baseOut);
  }
  if (heldCount > 0 || result.held > 0) await retryHeld(trx, at);
  await receiveStamps(trx, changes, opts.nowMs);
  return result;
}

/** Rows waiting for a parent or for a duplicate to be settled: try them again. */
export async function retryHeld(trx: STrx, at: string): Promise<number> {
  let applied = 0;
  for (let pass = 0; pass < 5; pass++) {
    const held = await trx.selectFrom('sync_held').selectAll().orderBy('central_seq').execute();
    let progress = 0;
    for (const h of held) {
      const t = SYNCED_TABLES.find((s) => s.table === h.table_name);
      if (!t) continue;
      try {
        await upsertRows(trx, t, [JSON.parse(h.row_json) as Row]);
      } catch (error) {
        if (!constraintKind(error)) throw error;
        continue;
      }
      await trx.deleteFrom('sync_held').where('table_name', '=', h.table_name).where('row_key', '=', h.row_key).execute();
      await trx
        .updateTable('sync_conflicts')
        .set({ resolved_at: at, resolution: 'applied' })
        .where('resolved_at', 'is', null)
        .where('kind', 'in', ['duplicate', 'unique'])
        .where('table_name', '=', h.table_name)
        .where('row_key', '=', h.row_key)
        .execute();
      progress++;
    }
    applied += progress;
    if (progress === 0 || progress === held.length) break;
  }
  return applied;
}

async function receiveStamps(trx: STrx, changes: PulledChange[], nowMs: number): Promise<void> {
  if (changes.length === 0) return;
  const max = changes.reduce((m, c) => (c.hlc > m ? c.hlc : m), changes[0]!.hlc);
  const ctl = await trx.selectFrom('sync_control').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const next = hlcReceive({ ms: Number(ctl.hlc_ms), counter: Number(ctl.hlc_counter), node: ctl.node }, hlcDecode(max), nowMs);
  await trx.updateTable('sync_control').set({ hlc_ms: next.ms, hlc_counter: next.counter }).where('id', '=', 1).execute();
}
