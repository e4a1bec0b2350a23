/**
 * Settings kept in the `settings` table as validated JSON, one key per concern. Reads fall back
 * to the first society's defaults; every change is audited in the same transaction.
 */
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { appendAudit } from '../audit/append-audit';
import { AppError } from '../../shared/errors/app-error';
import { organisationProfile, type CounterProfile, type OrganisationProfile } from '../../shared/settings/schemas';
import { ORGANISATION_DEFAULTS } from '../setup/organisation-defaults';
import { createBackupService } from '../backup/backup-service';

const ORGANISATION_KEY = 'organisation';

const CODE_IN_USE = {
  ar: 'لا يمكن تغيير رمز الكاونتر بعد إصدار أرقام مرجعية به، لأن الأرقام المرجعية يجب ألا تتكرر.',
  en: 'The counter code cannot change once reference numbers were issued with it: references must never repeat.',
};

export function createSettingsService({ db, clock, newId, databaseFile }: { db: Db; clock: Clock; newId: IdGenerator; databaseFile: string }) {
  const defaults: OrganisationProfile = {
    name: ORGANISATION_DEFAULTS.name,
    nameEn: ORGANISATION_DEFAULTS.nameEn,
    licence: ORGANISATION_DEFAULTS.licence,
    address: null,
    phone: null,
    headerLines: ['المملكة العربية السعودية'],
  };

  // Takes the executor: inside a transaction, a read through `db` would wait for the one
  // connection the transaction holds, for ever.
  async function organisation(executor: Kysely<Database> = db): Promise<OrganisationProfile> {
    const row = await executor.selectFrom('settings').select('value').where('key', '=', ORGANISATION_KEY).executeTakeFirst();
    if (!row) return defaults;
    const parsed = organisationProfile.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : defaults;
  }

  return {
    organisation: () => organisation(),

    async saveOrganisation(actor: Actor, profile: OrganisationProfile): Promise<OrganisationProfile> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await organisation(trx);
        await trx
          .insertInto('settings')
          .values({ key: ORGANISATION_KEY, value: JSON.stringify(profile), updated_at: now.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(profile), updated_at: now.toISOString() }))
          .execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'settings.organisation', entityId: null, before, after: profile }, newId(), now);
        return profile;
      });
    },

    async counter(actor: Actor): Promise<CounterProfile> {
      const row = await db.selectFrom('counters').select(['code', 'name']).where('id', '=', actor.counterId).executeTakeFirstOrThrow();
      return row;
    },

    async saveCounter(actor: Actor, profile: CounterProfile): Promise<CounterProfile> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('counters').select(['code', 'name']).where('id', '=', actor.counterId).executeTakeFirstOrThrow();
        if (before.code !== profile.code) {
          const used = await trx.selectFrom('sequences').select('kind').where('counter_code', '=', before.code).limit(1).executeTakeFirst();
          if (used) throw new AppError('CONFLICT', CODE_IN_USE, [{ path: 'code', message: CODE_IN_USE }]);
        }
        await trx.updateTable('counters').set({ ...profile, updated_at: now.toISOString() }).where('id', '=', actor.counterId).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'counter', entityId: actor.counterId, before, after: profile }, newId(), now);
        return profile;
      });
    },

    backups: createBackupService({ databaseFile, backupsDir: join(dirname(databaseFile), 'backups'), clock }),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
