/**
 * Takes the next number of a counter's sequence inside the caller's transaction, so a rolled
 * back write gives its number back and two writes never share one.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { hijriYear } from '../../shared/dates/calendars';
import { formatReference } from '../../shared/ids/reference';

export async function allocateReference(
  trx: Transaction<Database>,
  prefix: string,
  counterCode: string,
  at: Date,
): Promise<string> {
  const { year, value } = await allocateSequence(trx, prefix, counterCode, at);
  return formatReference(prefix, year, counterCode, value);
}

/**
 * The raw next value of a (kind, Hijri year, counter) sequence, for domains that format their
 * own numbers (letters use a pattern the society configures).
 */
export async function allocateSequence(
  trx: Transaction<Database>,
  kind: string,
  counterCode: string,
  at: Date,
): Promise<{ year: number; value: number }> {
  const year = hijriYear(at);
  const row = await trx
    .insertInto('sequences')
    .values({ kind, year, counter_code: counterCode, last_value: 1 })
    .onConflict((oc) => oc.columns(['kind', 'year', 'counter_code']).doUpdateSet({ last_value: sql`last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return { year, value: row.last_value };
}
