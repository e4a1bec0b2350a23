/**
 * Erasure beyond the registry record: every other domain's rows about the person lose what
 * identifies them or what they said, and keep what counts for statistics (types, statuses,
 * amounts, ratings, durations, dates, counters). Rows are found by the beneficiary id, and where a
 * domain keeps rows unlinked (calls, contacts, volunteers), by the person's phone numbers and
 * national ID. Runs inside the caller's transaction and returns counts per domain (no data).
 *
 * Not reached here, on purpose: `sync_base` keeps the central copy of the last synced version of a
 * few edited-in-place rows as the merge base; it is replaced by the erased row once the erasure is
 * pushed (blanking it now would make the next pull re-apply the central values as remote edits).
 * The central database's own change history is the head office's to purge.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { normaliseArabic } from '../../shared/text/arabic-normalise';

/** What stands in for erased required text (columns that may not be empty). */
const ANONYMISED = '—';

export interface PersonKeys {
  beneficiaryId: string;
  idNumber: string;
  /** Stored numbers (mobile, alternative mobile), empty ones left out. */
  phones: string[];
  /** Name parts as registered, to tell a letter's sender that is the person from an organisation. */
  names: string[];
}

export interface ErasedRows {
  counts: Record<string, number>;
  /** Attachment files no row refers to any more: the caller deletes them once the transaction commits. */
  orphanedFiles: string[];
  /** Ids of the rows reached, so their audit snapshots can be blanked too. */
  linkedIds: string[];
}

type Trx = Transaction<Database>;

const n = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0n);

async function idsOf(query: Promise<{ id: string }[]>): Promise<string[]> {
  return (await query).map((r) => r.id);
}

/** `IN ()` is not SQL: a list that can never match stands in for an empty one. */
const some = (ids: string[]) => (ids.length > 0 ? ids : ['']);

export async function eraseLinkedRows(trx: Trx, person: PersonKeys, at: string): Promise<ErasedRows> {
  const { beneficiaryId, idNumber } = person;
  const phones = some(person.phones);
  const counts: Record<string, number> = {};

  // Walk-ins: the interview's questions, answers and notes; referral reasons and answers; rating comments.
  const visitIds = await idsOf(trx.selectFrom('visits').select('id').where('beneficiary_id', '=', beneficiaryId).execute());
  counts.visits = n(await trx.updateTable('visits').set({ qa_json: '[]', notes: null, updated_at: at }).where('id', 'in', some(visitIds)).executeTakeFirst());
  const referralIds = await idsOf(
    trx
      .selectFrom('referrals')
      .select('id')
      .where((eb) => eb.or([eb('beneficiary_id', '=', beneficiaryId), eb('visit_id', 'in', some(visitIds))]))
      .execute(),
  );
  counts.referrals = n(await trx.updateTable('referrals').set({ reason: ANONYMISED, answer: null, updated_at: at }).where('id', 'in', some(referralIds)).executeTakeFirst());
  const ratingIds = await idsOf(
    trx
      .selectFrom('satisfaction_ratings')
      .select('id')
      .where((eb) => eb.or([eb('beneficiary_id', '=', beneficiaryId), eb('visit_id', 'in', some(visitIds))]))
      .execute(),
  );
  counts.satisfaction_ratings = n(await trx.updateTable('satisfaction_ratings').set({ comment: null, updated_at: at }).where('id', 'in', some(ratingIds)).executeTakeFirst());

  // Support requests: free text, the signed declaration (it carries name, ID and mobile), the
  // signature and the seal over them; the checklist's document numbers; decision reasons; what was delivered.
  const requestIds = await idsOf(trx.selectFrom('support_requests').select('id').where('beneficiary_id', '=', beneficiaryId).execute());
  counts.support_requests = n(
    await trx
      .updateTable('support_requests')
      .set({ items: null, justification: ANONYMISED, signature_png: null, declaration_text: null, seal_hash: null, updated_at: at })
      .where('id', 'in', some(requestIds))
      .executeTakeFirst(),
  );
  counts.request_checklist_items = n(
    await trx.updateTable('request_checklist_items').set({ document_number: null, expiry_date: null, note: null, updated_at: at }).where('request_id', 'in', some(requestIds)).executeTakeFirst(),
  );
  counts.request_decisions = n(await trx.updateTable('request_decisions').set({ reason: ANONYMISED, updated_at: at }).where('request_id', 'in', some(requestIds)).executeTakeFirst());
  const deliveryIds = await idsOf(
    trx
      .selectFrom('service_deliveries')
      .select('id')
      .where((eb) => eb.or([eb('beneficiary_id', '=', beneficiaryId), eb('request_id', 'in', some(requestIds))]))
      .execute(),
  );
  counts.service_deliveries = n(await trx.updateTable('service_deliveries').set({ description: ANONYMISED, updated_at: at }).where('id', 'in', some(deliveryIds)).executeTakeFirst());

  // Calls: linked ones, and any from the person's numbers that nobody linked.
  const callIds = await idsOf(
    trx
      .selectFrom('calls')
      .select('id')
      .where((eb) => eb.or([eb('beneficiary_id', '=', beneficiaryId), eb('phone', 'in', phones)]))
      .execute(),
  );
  counts.calls = n(
    await trx
      .updateTable('calls')
      .set({ phone: '', caller_name: null, summary: ANONYMISED, follow_up_note: null, follow_up_closing_note: null, updated_at: at })
      .where('id', 'in', some(callIds))
      .executeTakeFirst(),
  );

  // Letters about the person: subject and summary (and the sender when that is the person);
  // the attachments (scans about the person) are removed with their files.
  const letters = await trx.selectFrom('letters').select(['id', 'entity']).where('beneficiary_id', '=', beneficiaryId).execute();
  const nameParts = person.names.map(normaliseArabic).filter((x) => x.length > 1);
  for (const letter of letters) {
    const fromPerson = nameParts.some((part) => normaliseArabic(letter.entity).includes(part));
    await trx
      .updateTable('letters')
      .set({ subject: ANONYMISED, summary: null, search_text: '', updated_at: at, ...(fromPerson ? { entity: ANONYMISED } : {}) })
      .where('id', '=', letter.id)
      .execute();
  }
  counts.letters = letters.length;

  // Contacts (social media, website, services): linked ones and any from the person's numbers.
  const contactIds = await idsOf(
    trx
      .selectFrom('contacts')
      .select('id')
      .where((eb) => eb.or([eb('beneficiary_id', '=', beneficiaryId), eb('phone', 'in', phones)]))
      .execute(),
  );
  counts.contacts = n(
    await trx.updateTable('contacts').set({ person_name: null, phone: null, handle: null, summary: ANONYMISED, updated_at: at }).where('id', 'in', some(contactIds)).executeTakeFirst(),
  );

  // A volunteer record of the same person (same ID or number) leaves the registry too.
  const volunteerIds = await idsOf(
    trx
      .selectFrom('volunteers')
      .select('id')
      .where((eb) => eb.or([eb('id_number', '=', idNumber), eb('phone', 'in', phones)]))
      .execute(),
  );
  for (const id of volunteerIds) {
    await trx
      .updateTable('volunteers')
      .set({ name: ANONYMISED, id_number: `anon-${id}`, phone: '', notes: null, updated_at: at, deleted_at: at })
      .where('id', '=', id)
      .execute();
  }
  counts.volunteers = volunteerIds.length;

  const letterIds = letters.map((l) => l.id);
  const owned = await trx.selectFrom('attachments').select(['id', 'sha256']).where('owner_id', 'in', some([...letterIds, ...contactIds, ...requestIds])).execute();
  counts.attachments = n(await trx.deleteFrom('attachments').where('id', 'in', some(owned.map((a) => a.id))).executeTakeFirst());
  const shas = [...new Set(owned.map((a) => a.sha256))];
  const stillUsed = new Set((await trx.selectFrom('attachments').select('sha256').where('sha256', 'in', some(shas)).execute()).map((r) => r.sha256));
  const orphanedFiles = shas.filter((s) => !stillUsed.has(s));

  // Printed papers keep their data to reprint: the person's receipts, declarations and tickets go.
  const recordIds = [...requestIds, ...deliveryIds, ...visitIds, ...letterIds, ...contactIds, ...callIds];
  const needles = [beneficiaryId, idNumber, ...person.phones].filter((x) => x.length >= 6);
  const jobs = await idsOf(
    trx
      .selectFrom('print_jobs')
      .select('id')
      .where((eb) => eb.or([eb('record_id', 'in', some(recordIds)), ...needles.map((x) => eb(sql<number>`instr(data_json, ${x})`, '>', 0))]))
      .execute(),
  );
  // Copies point at their original: remove them first.
  await trx.deleteFrom('print_jobs').where('id', 'in', some(jobs)).where('copy_of', 'is not', null).execute();
  await trx.deleteFrom('print_jobs').where('id', 'in', some(jobs)).execute();
  counts.print_jobs = jobs.length;

  // Sync bookkeeping about these rows: a conflict or a held change would bring the old values back.
  const syncKeys = [...visitIds, ...requestIds, ...deliveryIds, ...callIds, ...letterIds, ...contactIds, ...volunteerIds, beneficiaryId];
  const keys = JSON.stringify(syncKeys);
  const conflicts = await sql`DELETE FROM sync_conflicts WHERE row_key IN (SELECT value FROM json_each(${keys})) AND resolved_at IS NULL`.execute(trx);
  const held = await sql`DELETE FROM sync_held WHERE row_key IN (SELECT value FROM json_each(${keys}))`.execute(trx);
  counts.sync_pending = Number(conflicts.numAffectedRows ?? 0n) + Number(held.numAffectedRows ?? 0n);

  return { counts, orphanedFiles, linkedIds: [...syncKeys, ...referralIds, ...ratingIds, ...jobs, ...owned.map((a) => a.id)] };
}
