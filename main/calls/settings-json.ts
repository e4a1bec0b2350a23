/** Domain settings stored as JSON in the `settings` table, read with a default and a schema. */
import type { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';

export async function readJsonSetting<T>(db: Db | Transaction<Database>, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export async function writeJsonSetting(trx: Transaction<Database>, key: string, value: unknown, at: string): Promise<void> {
  const json = JSON.stringify(value);
  await trx
    .insertInto('settings')
    .values({ key, value: json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
    .execute();
}
