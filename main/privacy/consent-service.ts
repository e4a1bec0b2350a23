/**
 * The privacy notice (versioned; a change is a new version, never an edit) and consents: which
 * version the beneficiary saw, who consented (the person or a guardian), and withdrawal.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { ConsentsTable, PrivacyNoticesTable } from './privacy-tables';
import type { ConsentView, NoticeView } from '../../shared/privacy/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { liveNotices } from './live-notices';

const STALE_NOTICE = {
  ar: 'صدرت نسخة أحدث من إشعار الخصوصية. اعرض النسخة الحالية على المستفيد ثم سجّل موافقته.',
  en: 'A newer privacy notice has been published. Show the current version to the beneficiary, then record the consent.',
};
const ALREADY_WITHDRAWN = { ar: 'سُحبت هذه الموافقة مسبقاً.', en: 'This consent was already withdrawn.' };

const toNotice = (r: Selectable<PrivacyNoticesTable>): NoticeView => ({ version: r.version, bodyAr: r.body_ar, bodyEn: r.body_en, publishedAt: r.created_at });

export const toConsent = (r: Selectable<ConsentsTable> & { recorded_by?: string | null }): ConsentView => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  noticeVersion: r.notice_version,
  givenBy: r.given_by as ConsentView['givenBy'],
  guardianName: r.guardian_name,
  guardianRelation: r.guardian_relation,
  consentedAt: r.consented_at,
  recordedBy: r.recorded_by ?? null,
  withdrawnAt: r.withdrawn_at,
  withdrawalReason: r.withdrawal_reason,
});

export function createConsentService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function current(): Promise<NoticeView> {
    const row = await liveNotices(db).selectAll().limit(1).executeTakeFirstOrThrow();
    return toNotice(row);
  }
  async function consentRow(id: string) {
    const row = await db
      .selectFrom('consents')
      .leftJoin('users', 'users.id', 'consents.created_by')
      .selectAll('consents')
      .select('users.display_name as recorded_by')
      .where('consents.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return toConsent(row);
  }

  return {
    current,
    async list(): Promise<NoticeView[]> {
      return (await liveNotices(db).selectAll().execute()).map(toNotice);
    },
    async publish(actor: Actor, bodyAr: string, bodyEn: string): Promise<NoticeView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('privacy_notices').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
        const version = (last?.version ?? 0) + 1;
        const id = newId();
        await trx
          .insertInto('privacy_notices')
          .values({ id, version, body_ar: bodyAr, body_en: bodyEn, created_at: at, updated_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null })
          .execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'privacy_notice', entityId: id, after: { version } }, newId(), now);
        return { version, bodyAr, bodyEn, publishedAt: at };
      });
    },
    async consentsOf(beneficiaryId: string): Promise<ConsentView[]> {
      const rows = await db
        .selectFrom('consents')
        .leftJoin('users', 'users.id', 'consents.created_by')
        .selectAll('consents')
        .select('users.display_name as recorded_by')
        .where('consents.beneficiary_id', '=', beneficiaryId)
        .where('consents.deleted_at', 'is', null)
        .orderBy('consents.consented_at', 'desc')
        .execute();
      return rows.map(toConsent);
    },
    async record(
      actor: Actor,
      input: { beneficiaryId: string; noticeVersion: number; givenBy: 'self' | 'guardian'; guardianName: string | null; guardianRelation: string | null; guardianIdNumber?: string | null },
    ): Promise<ConsentView> {
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        const beneficiary = await trx.selectFrom('beneficiaries').select('id').where('id', '=', input.beneficiaryId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!beneficiary) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        const latest = await trx.selectFrom('privacy_notices').select('version').orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
        // Consent is to the notice the person was shown: it must be the one in force.
        if (latest.version !== input.noticeVersion) throw new AppError('CONFLICT', STALE_NOTICE, undefined, { currentVersion: String(latest.version) });
        const guardian = input.givenBy === 'guardian';
        await trx
          .insertInto('consents')
          .values({
            id,
            beneficiary_id: input.beneficiaryId,
            notice_version: input.noticeVersion,
            given_by: input.givenBy,
            guardian_name: guardian ? input.guardianName : null,
            guardian_relation: guardian ? input.guardianRelation : null,
            guardian_id_number: guardian ? (input.guardianIdNumber ?? null) : null,
            consented_at: at,
            withdrawn_at: null,
            withdrawal_reason: null,
            created_at: at,
            updated_at: at,
            created_by: actor.userId,
            counter_id: actor.counterId,
            deleted_at: null,
          })
          .execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'consent', entityId: input.beneficiaryId, after: { consentId: id, noticeVersion: input.noticeVersion, givenBy: input.givenBy } }, newId(), now);
      });
      return consentRow(id);
    },
    async withdraw(actor: Actor, consentId: string, reason: string | null): Promise<ConsentView> {
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('consents').selectAll().where('id', '=', consentId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        if (row.withdrawn_at) throw new AppError('CONFLICT', ALREADY_WITHDRAWN);
        await trx.updateTable('consents').set({ withdrawn_at: at, withdrawal_reason: reason, updated_at: at }).where('id', '=', consentId).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'consent', entityId: row.beneficiary_id, before: { consentId, withdrawn: false }, after: { consentId, withdrawn: true } }, newId(), now);
      });
      return consentRow(consentId);
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
