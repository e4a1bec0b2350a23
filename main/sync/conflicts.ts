/**
 * The conflict queue a person works through. Field conflicts: the central value is in place;
 * choosing "local" writes the counter's value back as an ordinary local edit (captured, audited,
 * pushed). Duplicates (a second live record with the same national ID): choosing keeps one record
 * live and marks the other deleted as merged, then the held record is applied.
 */
import type { ConflictView } from '../../shared/sync/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { normaliseName } from '../../shared/text/arabic-normalise';
import type { Row } from '../../shared/sync/canonical';
import { appendAudit } from '../audit/append-audit';
import type { Actor } from '../core/actor';
import type { Clock, IdGenerator } from '../core/clock';
import { retryHeld, withApplying } from './apply-remote';
import { upsertRows } from './local-rows';
import { writeBase } from './base-rows';
import type { SDb, STrx } from './sync-db';
import { syncedTable } from './synced-tables';
import { DECISION_FOR_OUTCOME, type RequestStatus } from '../../shared/requests/status';

const NAME_PARTS = ['first_name', 'father_name', 'grandfather_name', 'family_name'];

async function describeRow(db: SDb | STrx, table: string, key: string | null): Promise<string | null> {
  if (!key) return null;
  let row: Record<string, unknown> | undefined;
  if (table === 'beneficiaries') row = await db.selectFrom('beneficiaries').selectAll().where('id', '=', key).executeTakeFirst();
  if (!row) {
    const held = await db.selectFrom('sync_held').select('row_json').where('table_name', '=', table).where('row_key', '=', key).executeTakeFirst();
    if (held) row = JSON.parse(held.row_json) as Record<string, unknown>;
  }
  if (row && table === 'beneficiaries') {
    return [row.reference, NAME_PARTS.map((p) => row![p]).join(' '), row.id_number].filter(Boolean).join(' — ');
  }
  if (!row && table === 'support_requests') row = await db.selectFrom('support_requests').selectAll().where('id', '=', key).executeTakeFirst();
  if (row && table === 'support_requests') {
    const b = await db.selectFrom('beneficiaries').select(NAME_PARTS as 'first_name'[]).where('id', '=', String(row.beneficiary_id)).executeTakeFirst();
    const name = b ? NAME_PARTS.map((p) => (b as Record<string, unknown>)[p]).filter(Boolean).join(' ') : null;
    return [row.reference, name].filter(Boolean).join(' — ') || key;
  }
  if (!row && table === 'users') row = await db.selectFrom('users').selectAll().where('id', '=', key).executeTakeFirst();
  if (row && table === 'users') {
    const counter = await db.selectFrom('counters').select('code').where('id', '=', String(row.counter_id)).executeTakeFirst();
    return [row.username, row.display_name, counter?.code].filter(Boolean).join(' — ');
  }
  return key;
}

export async function listConflicts(db: SDb): Promise<ConflictView[]> {
  const rows = await db.selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).orderBy('detected_at').execute();
  const out: ConflictView[] = [];
  for (const c of rows) {
    out.push({
      id: c.id,
      kind: c.kind as ConflictView['kind'],
      table: c.table_name,
      rowKey: c.row_key,
      field: c.field,
      localValue: c.local_value,
      remoteValue: c.remote_value,
      otherKey: c.other_key,
      label: (await describeRow(db, c.table_name, c.row_key)) ?? c.row_key,
      otherLabel: await describeRow(db, c.table_name, c.other_key),
      detectedAt: c.detected_at,
    });
  }
  return out;
}

/** `sara` → `sara-k02`: the account's own counter code, so the new name is unique and says whose it is. */
async function renamed(trx: STrx, username: string, counterId: string): Promise<string> {
  const counter = await trx.selectFrom('counters').select('code').where('id', '=', counterId).executeTakeFirst();
  const suffix = `-${(counter?.code ?? counterId.slice(-4)).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  return `${username.slice(0, 32 - suffix.length)}${suffix}`;
}

/**
 * Two accounts, one username. The chosen one keeps it; the other is renamed with its counter's
 * code, as an ordinary captured edit, so every counter ends with both accounts under the same
 * names. Keeping the incoming account renames the local one; keeping the local one applies the
 * incoming account renamed (its central version recorded as the base, so the rename is accepted).
 */
async function settleUsername(trx: STrx, held: { row_key: string; central_seq: number; row_json: string }, localId: string, choice: 'local' | 'remote'): Promise<void> {
  const t = syncedTable('users');
  const incoming = JSON.parse(held.row_json) as Row;
  if (choice === 'remote') {
    const local = await trx.selectFrom('users').select(['username', 'counter_id']).where('id', '=', localId).executeTakeFirstOrThrow();
    await trx.updateTable('users').set({ username: await renamed(trx, local.username, local.counter_id) }).where('id', '=', localId).execute();
    return; // the held account now fits; retryHeld below applies it
  }
  await writeBase(trx, [{ table: 'users', key: held.row_key, centralSeq: Number(held.central_seq), row: incoming }]);
  const row = { ...incoming, username: await renamed(trx, String(incoming.username), String(incoming.counter_id)) };
  await upsertRows(trx, t, [row]);
  await trx.deleteFrom('sync_held').where('table_name', '=', 'users').where('row_key', '=', held.row_key).execute();
}

/**
 * Two counters decided one request differently before a sync (synced-tables.ts): both decision
 * rows are kept (append-only), and the outcome a person chooses here is recorded as one more
 * decision row, so the request's latest decision (what the reports call its outcome) is the
 * status it now has on every counter; its reason is that of the chosen committee decision. The
 * decision time stays that of the first decision (decision_ms is not touched).
 */
async function recordChosenOutcome(trx: STrx, requestId: string, actor: Actor, at: string, newId: IdGenerator): Promise<void> {
  const request = await trx.selectFrom('support_requests').select(['status', 'submitted_at']).where('id', '=', requestId).executeTakeFirst();
  const decision = request ? DECISION_FOR_OUTCOME[request.status as RequestStatus] : undefined;
  if (!request || !decision) return;
  const chosen = await trx
    .selectFrom('request_decisions')
    .select('reason')
    .where('request_id', '=', requestId)
    .where('decision', '=', decision)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  await trx
    .insertInto('request_decisions')
    .values({ id: newId(), request_id: requestId, decision, reason: chosen?.reason ?? '', created_at: at, updated_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null })
    .execute();
}

export async function countOpenConflicts(db: SDb): Promise<number> {
  const r = await db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll<number>().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface ResolveDeps {
  db: SDb;
  clock: Clock;
  newId: IdGenerator;
}

export async function resolveConflict({ db, clock, newId }: ResolveDeps, actor: Actor, id: string, choice: 'local' | 'remote'): Promise<void> {
  const now = clock.now();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('sync_conflicts').selectAll().where('id', '=', id).where('resolved_at', 'is', null).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    const t = syncedTable(c.table_name);
    if (c.kind === 'field' && choice === 'local' && c.field) {
      const value = c.local_value === null ? null : (JSON.parse(c.local_value) as Row[string]);
      const set: Record<string, unknown> = { [c.field]: value, updated_at: at };
      if (c.table_name === 'beneficiaries') {
        const row = (await trx.selectFrom('beneficiaries').selectAll().where('id', '=', c.row_key).executeTakeFirstOrThrow()) as unknown as Record<string, string>;
        const merged = { ...row, ...set } as Record<string, string>;
        if (NAME_PARTS.includes(c.field)) set.name_normalised = normaliseName(NAME_PARTS.map((p) => merged[p]));
        set.version = Number(row.version) + 1;
        set.updated_by = actor.userId;
      }
      if (c.table_name === 'support_requests') {
        // An open request form sees the change (its version check), like any other edit of the request.
        const row = await trx.selectFrom('support_requests').select('version').where('id', '=', c.row_key).executeTakeFirstOrThrow();
        set.version = row.version + 1;
        set.updated_by = actor.userId;
      }
      await trx.updateTable(c.table_name as 'beneficiaries').set(set).where(t.key as 'id', '=', c.row_key).execute();
    }
    if (c.kind === 'field' && c.table_name === 'support_requests' && c.field === 'status') await recordChosenOutcome(trx, c.row_key, actor, at, newId);
    if (c.kind !== 'field') {
      const held = await trx.selectFrom('sync_held').selectAll().where('table_name', '=', c.table_name).where('row_key', '=', c.row_key).executeTakeFirst();
      if (held && c.other_key && c.table_name === 'users') {
        await settleUsername(trx, held, c.other_key, choice);
      } else if (held && c.other_key) {
        if (choice === 'local') {
          // Keep this counter's record: the incoming one is recorded as merged (deleted), visibly.
          const row = { ...(JSON.parse(held.row_json) as Row), deleted_at: at, updated_at: at };
          await upsertRows(trx, t, [row]);
          await trx.deleteFrom('sync_held').where('table_name', '=', c.table_name).where('row_key', '=', c.row_key).execute();
        } else {
          await trx.updateTable(c.table_name as 'beneficiaries').set({ deleted_at: at, updated_at: at }).where(t.key as 'id', '=', c.other_key).execute();
        }
      }
      await withApplying(trx, () => retryHeld(trx, at));
    }
    await trx.updateTable('sync_conflicts').set({ resolved_at: at, resolved_by: actor.userId, resolution: choice }).where('id', '=', id).execute();
    await appendAudit(
      trx as never,
      actor,
      { action: 'update', entity: 'sync_conflict', entityId: c.row_key, before: { kind: c.kind, field: c.field, local: c.local_value, remote: c.remote_value }, after: { choice } },
      newId(),
      now,
    );
  });
}
