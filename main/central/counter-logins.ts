/**
 * One PostgreSQL login per counter, in the `istiqbal_counter` group (run by the database owner,
 * through `npm run cli -- central add-counter K01`). Re-running it for the same code sets a new
 * password: that is how a leaked or forgotten one is replaced. The first device that pushes with
 * a login becomes that login's; see migrations/0002-counter-logins.ts.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { CentralDb } from './central-store';

export function counterLoginName(code: string): string {
  const name = `counter_${code.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  if (!/^counter_[a-z0-9_]{1,40}$/.test(name)) throw new Error(`a counter code of letters and digits is needed, not "${code}"`);
  return name;
}

/** 24 random bytes, URL-safe: nothing to escape in a connection URL or SQL. */
export function newCounterPassword(): string {
  return randomBytes(24).toString('base64url');
}

export async function provisionCounterLogin(db: CentralDb, code: string, password: string): Promise<{ role: string; created: boolean }> {
  const role = counterLoginName(code);
  if (password.length < 12) throw new Error('a counter password needs at least 12 characters');
  const exists = await sql<{ n: number }>`SELECT 1 AS n FROM pg_roles WHERE rolname = ${role}`.execute(db);
  // Role DDL takes no bind parameters: the name is checked above, the password quoted as a literal
  // (standard_conforming_strings is on: only the quote needs doubling).
  const literal = `'${password.replace(/'/g, "''")}'`;
  if (exists.rows.length === 0) {
    await sql.raw(`CREATE ROLE ${role} LOGIN PASSWORD ${literal} IN ROLE istiqbal_counter`).execute(db);
  } else {
    await sql.raw(`ALTER ROLE ${role} WITH LOGIN PASSWORD ${literal}`).execute(db);
    await sql.raw(`GRANT istiqbal_counter TO ${role}`).execute(db);
  }
  return { role, created: exists.rows.length === 0 };
}
