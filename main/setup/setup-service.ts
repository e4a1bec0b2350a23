/**
 * First run: the wizard (society, counter, printer, sync, demo data) is offered to the first
 * administrator until they finish it; the moment is recorded in settings and audited.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { appendAudit } from '../audit/append-audit';

const KEY = 'setup.completedAt';

export function createSetupService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  return {
    async isComplete(): Promise<boolean> {
      return !!(await db.selectFrom('settings').select('key').where('key', '=', KEY).executeTakeFirst());
    },
    async complete(actor: Actor): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const value = JSON.stringify(now.toISOString());
        await trx.insertInto('settings').values({ key: KEY, value, updated_at: now.toISOString() }).onConflict((oc) => oc.column('key').doNothing()).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'setup', entityId: null, after: { completedAt: now.toISOString() } }, newId(), now);
      });
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
