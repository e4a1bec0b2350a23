/**
 * Anonymising a beneficiary: what identifies the person is blanked, what counts for statistics
 * (category, gender, nationality, city, counter, dates of dealing) stays, the record leaves the
 * registry (deleted_at), every other domain's rows about the person are erased the same way
 * (`erase-linked-rows.ts`), and the audit snapshots about any of them are blanked too (their
 * digests keep the hash chain whole). Runs inside the caller's transaction and logs what it did in
 * one audit entry with counts per domain, no personal data.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../core/actor';
import type { IdGenerator } from '../core/clock';
import { appendAudit } from '../audit/append-audit';
import { eraseLinkedRows } from './erase-linked-rows';

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

/**
 * Audit snapshots about the person that sit under other records' ids (a call, a letter, a print
 * job) or mention the person's ID number or phone: blanked like the record's own.
 */
async function redactMentions(trx: Transaction<Database>, ids: string[], needles: string[], at: string): Promise<number> {
  let total = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const r = await trx
      .updateTable('audit_log')
      .set({ before_json: null, after_json: null, redacted_at: at })
      .where('entity_id', 'in', part)
      .where('redacted_at', 'is', null)
      .where((eb) => eb.or([eb('before_json', 'is not', null), eb('after_json', 'is not', null)]))
      .executeTakeFirst();
    total += Number(r.numUpdatedRows);
  }
  if (needles.length === 0) return total;
  const r = await trx
    .updateTable('audit_log')
    .set({ before_json: null, after_json: null, redacted_at: at })
    .where('redacted_at', 'is', null)
    .where((eb) =>
      eb.or(needles.flatMap((x) => [eb(sql<number>`instr(coalesce(before_json, ''), ${x})`, '>', 0), eb(sql<number>`instr(coalesce(after_json, ''), ${x})`, '>', 0)])),
    )
    .executeTakeFirst();
  return total + Number(r.numUpdatedRows);
}

/** What an erasure did, per domain (counts only). */
export type ErasureCounts = Record<string, number>;

export async function anonymiseBeneficiary(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId' | 'counterId'>,
  beneficiaryId: string,
  now: Date,
  newId: IdGenerator,
  reason: string,
): Promise<{ counts: ErasureCounts; orphanedFiles: string[] }> {
  const at = now.toISOString();
  const person = await trx
    .selectFrom('beneficiaries')
    .select(['id_number', 'mobile', 'alt_mobile', 'first_name', 'father_name', 'grandfather_name', 'family_name'])
    .where('id', '=', beneficiaryId)
    .executeTakeFirstOrThrow();
  const phones = [person.mobile, person.alt_mobile].filter((p): p is string => !!p);
  const linked = await eraseLinkedRows(
    trx,
    { beneficiaryId, idNumber: person.id_number, phones, names: [person.first_name, person.family_name] },
    at,
  );
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
  const counts: ErasureCounts = { beneficiaries: 1 };
  const household = await trx
    .updateTable('household_members')
    .set({ name: ANONYMISED_NAME, id_number: null, birth_date: null, updated_at: at, deleted_at: at })
    .where('beneficiary_id', '=', beneficiaryId)
    .executeTakeFirst();
  counts.household_members = Number(household.numUpdatedRows);
  const consents = await trx
    .updateTable('consents')
    .set({ guardian_name: null, guardian_relation: null, guardian_id_number: null, withdrawal_reason: null, updated_at: at })
    .where('beneficiary_id', '=', beneficiaryId)
    .executeTakeFirst();
  counts.consents = Number(consents.numUpdatedRows);
  const requests = await trx.updateTable('data_subject_requests').set({ details: null, updated_at: at }).where('beneficiary_id', '=', beneficiaryId).executeTakeFirst();
  counts.data_subject_requests = Number(requests.numUpdatedRows);
  Object.assign(counts, linked.counts);
  const own = await redactAuditSnapshots(trx, beneficiaryId, at);
  counts.audit_snapshots = own + (await redactMentions(trx, linked.linkedIds, [person.id_number, ...phones].filter((x) => x.length >= 6), at));
  await appendAudit(trx, actor, { action: 'purge', entity: 'beneficiary', entityId: beneficiaryId, after: { anonymised: true, reason, counts } }, newId(), now);
  return { counts, orphanedFiles: linked.orphanedFiles };
}
