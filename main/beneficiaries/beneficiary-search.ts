/**
 * One search box: an ID number, a mobile number, a reference, or any part of the Arabic name.
 * The query's shape decides which index answers, so every kind of lookup is an index lookup.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import type { BeneficiarySummary } from '../../shared/beneficiaries/schemas';
import { normaliseArabic } from '../../shared/text/arabic-normalise';
import { toLatinDigits } from '../../shared/text/digits';
import { normaliseSaudiMobile } from '../../shared/validation/phone';
import { toSummary } from './beneficiary-rows';
import { phoneMatches } from './phone-match';

const SUMMARY_COLUMNS = [
  'id',
  'reference',
  'first_name',
  'father_name',
  'grandfather_name',
  'family_name',
  'id_number',
  'mobile',
  'category',
  'birth_date',
] as const;

/** Escapes a term for an FTS5 phrase: double quotes are doubled inside a quoted string. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export async function searchBeneficiaries(db: Db, rawQuery: string, limit: number): Promise<BeneficiarySummary[]> {
  const query = toLatinDigits(rawQuery).trim();
  if (query.length === 0) return [];
  const live = db.selectFrom('beneficiaries').select(SUMMARY_COLUMNS).where('deleted_at', 'is', null);

  const compact = query.replace(/[\s-]/g, '');
  if (/^[A-Za-z]-?\d{4}-?[A-Za-z0-9]+-?\d+$/.test(query)) {
    const rows = await live.where('reference', '=', query.toUpperCase()).limit(limit).execute();
    return rows.map((r) => toSummary(r, 'reference'));
  }
  if (/^\+?\d+$/.test(compact)) {
    const mobile = normaliseSaudiMobile(compact);
    if (mobile) {
      const rows = await live.where(phoneMatches(mobile)).limit(limit).execute();
      if (rows.length > 0) return rows.map((r) => toSummary(r, 'phone'));
    }
    // An ID number, whole or its beginning: a range scan on the unique index.
    const rows = await live
      .where('id_number', '>=', compact)
      .where('id_number', '<', compact + '\uffff')
      .orderBy('id_number')
      .limit(limit)
      .execute();
    return rows.map((r) => toSummary(r, 'id'));
  }

  const name = normaliseArabic(query);
  const terms = name.split(' ').filter((t) => t.length > 0);
  if (terms.length === 0) return [];
  const long = terms.filter((t) => t.length >= 3);
  if (long.length > 0) {
    // Trigram FTS answers substring matches of three letters or more; shorter terms filter after.
    // Driving the query from the FTS index (rowid order, no sort) lets LIMIT stop early even when
    // a common name such as محمد matches a large share of a million records.
    const match = long.map(ftsPhrase).join(' AND ');
    let q = db
      .selectFrom('beneficiaries_fts as f')
      .innerJoin('beneficiaries as b', (join) => join.onRef(sql`b.rowid`, '=', sql`f.rowid`))
      .select(SUMMARY_COLUMNS.map((c) => `b.${c}` as const))
      .where(sql<boolean>`beneficiaries_fts MATCH ${match}`)
      .where('b.deleted_at', 'is', null)
      .limit(limit);
    for (const short of terms.filter((t) => t.length < 3)) {
      q = q.where('b.name_normalised', 'like', `%${short}%`);
    }
    const rows = await q.execute();
    return rows.map((r) => toSummary(r, 'name'));
  }
  // Only one- or two-letter terms (too short for trigrams): a name part that starts with them.
  // The limit lets SQLite stop early for common beginnings such as ال.
  let q = live.orderBy('name_normalised').limit(limit);
  for (const term of terms) {
    q = q.where((eb) => eb.or([eb('name_normalised', 'like', `${term}%`), eb('name_normalised', 'like', `% ${term}%`)]));
  }
  const rows = await q.execute();
  return rows.map((r) => toSummary(r, 'name'));
}
