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
import type { SDb, STrx } from './sync-db';
import { syncedTable } from './synced-tables';

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
      await trx.updateTable(c.table_name as 'beneficiaries').set(set).where(t.key as 'id', '=', c.row_key).execute();
    }
    if (c.kind !== 'field') {
      const held = await trx.selectFrom('sync_held').selectAll().where('table_name', '=', c.table_name).where('row_key', '=', c.row_key).executeTakeFirst();
      if (held && c.other_key) {
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
