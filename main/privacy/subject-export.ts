/**
 * Everything held about one person, for an access request: the registry record and household,
 * every row in any table that points at the beneficiary (walk-ins, calls, letters, requests…:
 * found by their `beneficiary_id` column, so a new domain is included the day it lands), and
 * the audit trail of who created, changed or viewed the record.
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
  sections.audit_log = await trx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.seq', 'audit_log.at', 'audit_log.action', 'audit_log.entity', 'users.display_name as by_user'])
    .where((eb) => eb.or([eb('audit_log.entity_id', '=', beneficiaryId), eb('audit_log.after_json', 'like', `%"${beneficiaryId}"%`)]))
    .orderBy('audit_log.seq')
    .execute();
  return { exportedAt, beneficiaryId, sections };
}
