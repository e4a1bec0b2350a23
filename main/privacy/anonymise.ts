/**
 * Anonymising a beneficiary: what identifies the person is blanked, what counts for statistics
 * (category, gender, nationality, city, counter, dates of dealing) stays, the record leaves the
 * registry (deleted_at), and the audit snapshots about it are blanked too (their digests keep
 * the hash chain whole). Runs inside the caller's transaction and logs what it did.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../core/actor';
import type { IdGenerator } from '../core/clock';
import { appendAudit } from '../audit/append-audit';

export const ANONYMISED_NAME = '—';

export async function redactAuditSnapshots(trx: Transaction<Database>, entityId: string, at: string): Promise<number> {
  const r = await trx
    .updateTable('audit_log')
    .set({ before_json: null, after_json: null, redacted_at: at })
    .where('entity_id', '=', entityId)
    .where('redacted_at', 'is', null)
    .where((eb) => eb.or([eb('before_json', 'is not', null), eb('after_json', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function anonymiseBeneficiary(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId' | 'counterId'>,
  beneficiaryId: string,
  now: Date,
  newId: IdGenerator,
  reason: string,
): Promise<void> {
  const at = now.toISOString();
  await trx
    .updateTable('beneficiaries')
    .set({
      id_number: `anon-${beneficiaryId}`,
      id_expiry: null,
      first_name: ANONYMISED_NAME,
      father_name: ANONYMISED_NAME,
      grandfather_name: ANONYMISED_NAME,
      family_name: ANONYMISED_NAME,
      name_normalised: '',
      latin_name: null,
      birth_date: null,
      mobile: '',
      alt_mobile: null,
      district: null,
      national_address: null,
      monthly_income: null,
      iban: null,
      notes: null,
      updated_at: at,
      deleted_at: at,
    })
    .where('id', '=', beneficiaryId)
    .execute();
  await trx
    .updateTable('household_members')
    .set({ name: ANONYMISED_NAME, id_number: null, birth_date: null, updated_at: at, deleted_at: at })
    .where('beneficiary_id', '=', beneficiaryId)
    .execute();
  await trx
    .updateTable('consents')
    .set({ guardian_name: null, guardian_relation: null, guardian_id_number: null, updated_at: at })
    .where('beneficiary_id', '=', beneficiaryId)
    .execute();
  await trx.updateTable('data_subject_requests').set({ details: null, updated_at: at }).where('beneficiary_id', '=', beneficiaryId).execute();
  const redacted = await redactAuditSnapshots(trx, beneficiaryId, at);
  await appendAudit(trx, actor, { action: 'purge', entity: 'beneficiary', entityId: beneficiaryId, after: { anonymised: true, reason, auditSnapshotsBlanked: redacted } }, newId(), now);
}
