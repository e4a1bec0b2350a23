/**
 * PDPL consent before a support request: the person (or, for a minor, the guardian) must have
 * consented to the privacy notice in force, and not withdrawn it. Checked by the request service
 * when a request is drafted and again when it is submitted, in the same transaction.
 */
import type { Transaction } from 'kysely';
import { liveNotices } from './live-notices';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { ConsentStatus } from '../../shared/privacy/schemas';
import { AppError } from '../../shared/errors/app-error';
import { riyadhDay } from '../../shared/calls/riyadh-day';

/** Age of majority for consent on one's own behalf. */
const ADULT_AGE = 18;

export const CONSENT_MESSAGES = {
  consent_required: {
    ar: 'لا توجد موافقة مسجلة من المستفيد على إشعار الخصوصية الحالي. اعرض الإشعار عليه وسجّل موافقته قبل تقديم طلب الدعم.',
    en: 'No consent to the current privacy notice is recorded for this beneficiary. Show the notice and record the consent before filing a support request.',
  },
  guardian_consent_required: {
    ar: 'المستفيد قاصر: سجّل موافقة وليّه على إشعار الخصوصية الحالي قبل تقديم طلب الدعم.',
    en: 'The beneficiary is a minor: record the guardian’s consent to the current privacy notice before filing a support request.',
  },
} as const;

/** Whether someone born on `birthDate` (YYYY-MM-DD) is under 18 on `today` (YYYY-MM-DD). */
export function isMinor(birthDate: string | null, today: string): boolean {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return false;
  const comesOfAge = `${String(Number(birthDate.slice(0, 4)) + ADULT_AGE).padStart(4, '0')}${birthDate.slice(4, 10)}`;
  return comesOfAge > today;
}

export async function consentStatus(trx: Db | Transaction<Database>, beneficiaryId: string, now: Date): Promise<ConsentStatus> {
  const notice = await liveNotices(trx).select('version').limit(1).executeTakeFirst();
  const person = await trx.selectFrom('beneficiaries').select('birth_date').where('id', '=', beneficiaryId).executeTakeFirst();
  const minor = isMinor(person?.birth_date ?? null, riyadhDay(now));
  const noticeVersion = notice?.version ?? 0;
  const consents = await trx
    .selectFrom('consents')
    .select('given_by')
    .where('beneficiary_id', '=', beneficiaryId)
    .where('notice_version', '=', noticeVersion)
    .where('withdrawn_at', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  const current = consents.some((c) => !minor || c.given_by === 'guardian');
  return { current, minor, noticeVersion, reason: current ? null : minor ? 'guardian_consent_required' : 'consent_required' };
}

export async function assertCurrentConsent(trx: Db | Transaction<Database>, beneficiaryId: string, now: Date): Promise<void> {
  const status = await consentStatus(trx, beneficiaryId, now);
  if (status.reason) throw new AppError('CONFLICT', CONSENT_MESSAGES[status.reason], undefined, { reason: status.reason, noticeVersion: String(status.noticeVersion) });
}
