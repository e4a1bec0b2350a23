/**
 * Everything held about one person, for an access request: the registry record and household,
 * every row in any table that points at the beneficiary (walk-ins, calls, letters, requests…:
 * found by their `beneficiary_id` column, so a new domain is included the day it lands), the rows
 * an erasure also reaches (calls and contacts from the person's numbers that nobody linked, a
 * volunteer record under the same ID or number, the requests' checklists and decisions, the
 * letters' attachments), and the audit trail of who created, changed or viewed the record.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';

/** Tables never exported: internal indexes and bookkeeping. */
const SKIP = new Set(['beneficiaries_fts', 'kysely_migration', 'kysely_migration_lock']);

export interface SubjectExport {
  exportedAt: string;
  beneficiaryId: string;
  sections: Record<string, unknown[]>;
}

type Reader = Db | Transaction<Database>;

/** Adds `rows` not already in the section (by id). */
function merge(sections: Record<string, unknown[]>, table: string, rows: { id: string }[]): void {
  const have = new Set((sections[table] ?? []).map((r) => (r as { id: string }).id));
  const extra = rows.filter((r) => !have.has(r.id));
  if (extra.length > 0) sections[table] = [...(sections[table] ?? []), ...extra];
}

async function addUnlinked(trx: Reader, beneficiaryId: string, sections: Record<string, unknown[]>): Promise<void> {
  const person = await trx.selectFrom('beneficiaries').select(['id_number', 'mobile', 'alt_mobile']).where('id', '=', beneficiaryId).executeTakeFirst();
  if (!person) return;
  const phones = [person.mobile, person.alt_mobile].filter((p): p is string => !!p);
  if (phones.length > 0) {
    merge(sections, 'calls', await trx.selectFrom('calls').selectAll().where('phone', 'in', phones).execute());
    merge(sections, 'contacts', await trx.selectFrom('contacts').selectAll().where('phone', 'in', phones).execute());
  }
  merge(
    sections,
    'volunteers',
    await trx
      .selectFrom('volunteers')
      .selectAll()
      .where((eb) => eb.or([eb('id_number', '=', person.id_number), ...(phones.length > 0 ? [eb('phone', 'in', phones)] : [])]))
      .execute(),
  );
  const requestIds = ((sections.support_requests ?? []) as { id: string }[]).map((r) => r.id);
  if (requestIds.length > 0) {
    merge(sections, 'request_checklist_items', await trx.selectFrom('request_checklist_items').selectAll().where('request_id', 'in', requestIds).execute());
    merge(sections, 'request_decisions', await trx.selectFrom('request_decisions').selectAll().where('request_id', 'in', requestIds).execute());
  }
  const letterIds = ((sections.letters ?? []) as { id: string }[]).map((r) => r.id);
  if (letterIds.length > 0) merge(sections, 'attachments', await trx.selectFrom('attachments').selectAll().where('owner_id', 'in', letterIds).execute());
}

export async function collectSubjectData(trx: Db | Transaction<Database>, beneficiaryId: string, exportedAt: string): Promise<SubjectExport> {
  const sections: Record<string, unknown[]> = {};
  sections.beneficiaries = await trx.selectFrom('beneficiaries').selectAll().where('id', '=', beneficiaryId).execute();
  const tables = await trx.introspection.getTables();
  for (const table of tables) {
    if (SKIP.has(table.name) || table.name.startsWith('sqlite_') || table.name.includes('_fts')) continue;
    if (!table.columns.some((c) => c.name === 'beneficiary_id')) continue;
    // Table names come from the schema itself, never from input; Kysely quotes the identifier.
    const rows = await (trx as unknown as Db)
      .selectFrom(table.name as 'consents')
      .selectAll()
      .where('beneficiary_id', '=', beneficiaryId)
      .execute();
    if (rows.length > 0) sections[table.name] = rows;
  }
  await addUnlinked(trx, beneficiaryId, sections);
  sections.audit_log = await trx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.seq', 'audit_log.at', 'audit_log.action', 'audit_log.entity', 'users.display_name as by_user'])
    .where((eb) => eb.or([eb('audit_log.entity_id', '=', beneficiaryId), eb('audit_log.after_json', 'like', `%"${beneficiaryId}"%`)]))
    .orderBy('audit_log.seq')
    .execute();
  return { exportedAt, beneficiaryId, sections };
}
