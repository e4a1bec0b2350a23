/**
 * Inserts many rows with one bound parameter: the rows travel as a JSON array and SQLite's
 * json_each unpacks them in C. Binding thousands of parameters per statement from JavaScript
 * costs more than the insert itself; this path is for seeding, imports and applying sync pages.
 * Table and column names come from our own code, never from input; they are quoted anyway.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const jsonPath = (name: string) => `'$."${name.replace(/["'\\]/g, '')}"'`;

export async function bulkInsertJson(
  db: Kysely<Database>,
  table: keyof Database & string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const target = sql.raw(`${ident(table)} (${columns.map(ident).join(', ')})`);
  const values = sql.raw(columns.map((c) => `value ->> ${jsonPath(c)}`).join(', '));
  await sql`INSERT INTO ${target} SELECT ${values} FROM jsonb_each(jsonb(${JSON.stringify(rows)}))`.execute(db);
}
