/** The breach register: each breach with its 72-hour deadline to notify the regulator (SDAIA). */
import type { Selectable } from 'kysely';
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { BreachesTable } from './privacy-tables';
import type { BreachView } from '../../shared/privacy/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { breachNotifyDueAt } from '../../shared/privacy/deadlines';
import { appendAudit } from '../audit/append-audit';

const FUTURE = { ar: 'وقت الاكتشاف في المستقبل.', en: 'The discovery time is in the future.' };

export function createBreachService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  const toView = (r: Selectable<BreachesTable>): BreachView => {
    const now = clock.now();
    const due = new Date(r.notify_due_at);
    return {
      id: r.id,
      discoveredAt: r.discovered_at,
      description: r.description,
      dataKinds: r.data_kinds,
      affectedCount: r.affected_count,
      measures: r.measures,
      notifyDueAt: r.notify_due_at,
      regulatorNotifiedAt: r.regulator_notified_at,
      subjectsNotifiedAt: r.subjects_notified_at,
      status: r.status as BreachView['status'],
      notificationOverdue: !r.regulator_notified_at && due < now,
      hoursLeft: Math.floor((due.getTime() - now.getTime()) / 3_600_000),
    };
  };
  const load = async (id: string) => {
    const row = await db.selectFrom('breaches').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return row;
  };

  return {
    async list(): Promise<BreachView[]> {
      return (await db.selectFrom('breaches').selectAll().where('deleted_at', 'is', null).orderBy('discovered_at', 'desc').execute()).map(toView);
    },
    async record(actor: Actor, input: { discoveredAt: string; description: string; dataKinds: string; affectedCount: number; measures: string | null }): Promise<BreachView> {
      const now = clock.now();
      const at = now.toISOString();
      const discovered = new Date(input.discoveredAt);
      if (discovered > now) throw new AppError('VALIDATION', FUTURE, [{ path: 'discoveredAt', message: FUTURE }]);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('breaches')
          .values({
            id,
            discovered_at: discovered.toISOString(),
            description: input.description,
            data_kinds: input.dataKinds,
            affected_count: input.affectedCount,
            measures: input.measures,
            notify_due_at: breachNotifyDueAt(discovered).toISOString(),
            regulator_notified_at: null,
            subjects_notified_at: null,
            status: 'open',
            created_at: at,
            updated_at: at,
            created_by: actor.userId,
            counter_id: actor.counterId,
            deleted_at: null,
          })
          .execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'breach', entityId: id, after: { discoveredAt: discovered.toISOString(), affectedCount: input.affectedCount } }, newId(), now);
      });
      return toView(await load(id));
    },
    async update(actor: Actor, input: { id: string; status: string; measures: string | null; regulatorNotified: boolean; subjectsNotified: boolean }): Promise<BreachView> {
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('breaches').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        // A notification time, once recorded, is kept: it is the evidence of meeting the deadline.
        const regulator = before.regulator_notified_at ?? (input.regulatorNotified ? at : null);
        const subjects = before.subjects_notified_at ?? (input.subjectsNotified ? at : null);
        await trx
          .updateTable('breaches')
          .set({ status: input.status, measures: input.measures, regulator_notified_at: regulator, subjects_notified_at: subjects, updated_at: at })
          .where('id', '=', input.id)
          .execute();
        await appendAudit(
          trx,
          actor,
          { action: 'update', entity: 'breach', entityId: input.id, before: { status: before.status, regulatorNotifiedAt: before.regulator_notified_at }, after: { status: input.status, regulatorNotifiedAt: regulator } },
          newId(),
          now,
        );
      });
      return toView(await load(input.id));
    },
  };
}
