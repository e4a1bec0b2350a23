/**
 * Search-before-create. The same ID number is a hard stop (the ID is the hard key); the same
 * mobile, or the same normalised four-part name with the same birth year, are warnings the
 * user must acknowledge, because families share phones and names repeat.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DuplicateCandidate } from '../../shared/beneficiaries/contract';
import { normaliseName } from '../../shared/text/arabic-normalise';
import { digitsOnly } from '../../shared/text/digits';
import { normaliseSaudiMobile } from '../../shared/validation/phone';
import { maskId } from '../../shared/validation/national-id';
import { fullNameOf } from './beneficiary-rows';
import { phoneMatches } from './phone-match';

export interface DuplicateProbe {
  excludeId?: string | null;
  idNumber?: string | null;
  mobile?: string | null;
  firstName?: string | null;
  fatherName?: string | null;
  grandfatherName?: string | null;
  familyName?: string | null;
  birthYear?: number | null;
}

export function warningKey(c: Pick<DuplicateCandidate, 'reason' | 'id'>): string {
  return `${c.reason}:${c.id}`;
}

export async function findDuplicates(db: Kysely<Database>, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
  const found = new Map<string, DuplicateCandidate>();
  const base = () => {
    let q = db
      .selectFrom('beneficiaries')
      .select(['id', 'reference', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'id_number'])
      .where('deleted_at', 'is', null)
      .limit(10);
    if (probe.excludeId) q = q.where('id', '!=', probe.excludeId);
    return q;
  };
  const add = (rows: Awaited<ReturnType<ReturnType<typeof base>['execute']>>, reason: DuplicateCandidate['reason']) => {
    for (const r of rows) {
      const key = `${reason}:${r.id}`;
      if (!found.has(key)) {
        found.set(key, { id: r.id, reference: r.reference, fullName: fullNameOf(r), maskedId: maskId(r.id_number), reason });
      }
    }
  };

  const idNumber = probe.idNumber ? digitsOnly(probe.idNumber) || probe.idNumber.trim().toUpperCase() : '';
  if (idNumber.length >= 5) add(await base().where('id_number', '=', idNumber).execute(), 'same_id');

  const mobile = probe.mobile ? normaliseSaudiMobile(probe.mobile) : null;
  if (mobile) {
    add(await base().where(phoneMatches(mobile)).execute(), 'same_phone');
  }

  const parts = [probe.firstName, probe.fatherName, probe.grandfatherName, probe.familyName];
  if (parts.every((p) => p && p.trim()) && probe.birthYear) {
    const rows = await base()
      .where('name_normalised', '=', normaliseName(parts))
      .where('birth_date', '>=', `${probe.birthYear}-01-01`)
      .where('birth_date', '<=', `${probe.birthYear}-12-31`)
      .execute();
    add(rows, 'same_name_birth_year');
  }
  return [...found.values()];
}
