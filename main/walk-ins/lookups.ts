/** Small reads shared by the counter's services: a beneficiary's name, a user's display name. */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import { AppError } from '../../shared/errors/app-error';
import { fullNameOf } from '../beneficiaries/beneficiary-rows';
import { maskId } from '../../shared/validation/national-id';

type Reader = Db | Transaction<Database>;

const NO_BENEFICIARY = { ar: 'المستفيد غير موجود في السجل.', en: 'The beneficiary is not in the registry.' };

export async function beneficiaryBrief(trx: Reader, id: string) {
  const b = await trx
    .selectFrom('beneficiaries')
    .select(['id', 'reference', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'id_number', 'mobile'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!b) throw new AppError('NOT_FOUND', NO_BENEFICIARY);
  return { id: b.id, reference: b.reference, fullName: fullNameOf(b), idNumber: b.id_number, maskedId: maskId(b.id_number), mobile: b.mobile };
}

export async function userNames(trx: Reader, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
