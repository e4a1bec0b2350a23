/** The declaration text filled with a request's data, as signed and as printed for a wet signature. */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { SupportRequestsTable } from '../walk-ins/tables';
import { fillDeclaration } from '../../shared/requests/declaration';
import { formatGregorian, formatHijri } from '../../shared/dates/calendars';
import { beneficiaryBrief } from '../walk-ins/lookups';

export async function currentDeclaration(trx: Db | Transaction<Database>) {
  return trx.selectFrom('declaration_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
}

export async function filledDeclaration(trx: Db | Transaction<Database>, row: SupportRequestsTable, template: string, at: Date): Promise<string> {
  const b = await beneficiaryBrief(trx, row.beneficiary_id);
  const type = await trx.selectFrom('support_types').select('name_ar').where('key', '=', row.support_type).executeTakeFirst();
  return fillDeclaration(template, {
    name: b.fullName,
    idNumber: b.idNumber,
    mobile: b.mobile.replace(/^\+966/, '0'),
    supportType: type?.name_ar ?? row.support_type,
    amount: row.amount !== null ? `${row.amount} ريال` : '',
    items: row.items ?? '',
    date: `${formatGregorian(at, 'ar')} الموافق ${formatHijri(at, 'ar')}`,
  });
}
