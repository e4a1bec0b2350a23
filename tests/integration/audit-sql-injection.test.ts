/**
 * SQL only through Kysely's parameterised builder. Injection strings go into every text field of
 * every channel (one field at a time, then all at once): the schema survives, nothing is read or
 * written that should not be, and text that is stored comes back byte for byte. A source scan
 * keeps raw SQL to the few files that build identifiers from code constants, never from input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { call, createTestCore } from '../support/test-core';
import { contract, CHANNELS } from '../../shared/contract/index';
import type { ChannelDef } from '../../shared/contract/define';
import { beneficiaryFixture } from '../support/fixtures';
import { luhnValid } from '../../shared/validation/national-id';

/** A valid national ID (Luhn) from a round number. */
const idFor = (n: number) => {
  const body = `12345${String(n).padStart(4, '0')}`;
  for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('no check digit');
};

export const INJECTIONS = [
  "'; DROP TABLE beneficiaries; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "admin'--",
  "1'); DELETE FROM users; --",
  "x' UNION SELECT password_hash, username FROM users --",
  '%',
  '_',
  '%" OR "%"="',
  '\\',
  "'; UPDATE audit_log SET action='x'; --",
  'Robert\u0000); DROP TABLE users;--',
  "ابراهيم'; DROP TABLE consents; --",
];

let core: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
beforeAll(async () => {
  core = await createTestCore();
  const r = await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
  beneficiaryId = (r as { value: { id: string } }).value.id;
});
afterAll(async () => {
  await core.dispose();
});

const schema = async () => (await sql<{ sql: string | null }>`SELECT name, sql FROM sqlite_master ORDER BY name`.execute(core.db)).rows;
const count = async (t: 'beneficiaries' | 'users' | 'consents' | 'household_members') =>
  Number((await core.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function keysOf(def: ChannelDef): string[] {
  const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

describe('SQL injection', () => {
  it('every text field of every channel: schema intact, no rows lost, typed answers', async () => {
    const schemaBefore = await schema();
    const before = { b: await count('beneficiaries'), u: await count('users'), h: await count('household_members') };
    for (const name of CHANNELS) {
      if (name === 'auth:signOut') continue; // a valid reason would only sign out
      const keys = keysOf(contract[name] as ChannelDef);
      for (const inj of INJECTIONS) {
        const payloads = [...keys.map((k) => ({ [k]: inj })), Object.fromEntries(keys.map((k) => [k, inj])), { data: Object.fromEntries(Object.keys(beneficiaryFixture()).map((k) => [k, inj])) }];
        for (const payload of payloads) {
          const r = await call(core, name, payload);
          expect(typeof r.ok, name).toBe('boolean');
          if (!r.ok) expect(JSON.stringify(r.error)).not.toMatch(/SQLITE_|syntax error|no such/);
        }
      }
    }
    expect(await schema()).toEqual(schemaBefore);
    // Valid calls may add rows (e.g. a demo seed); none may lose any.
    expect(await count('beneficiaries')).toBeGreaterThanOrEqual(before.b);
    expect(await count('users')).toBeGreaterThanOrEqual(before.u);
    expect(await count('household_members')).toBeGreaterThanOrEqual(before.h);
    expect(core.sessions.current()?.user.role).toBe('administrator');
  }, 240_000);

  it('searches with injection strings find nothing and fail nothing', async () => {
    for (const inj of INJECTIONS) {
      const r = await call(core, 'beneficiaries:search', { query: inj });
      expect(r.ok || r.error.code, inj).not.toBe('INTERNAL');
      if (r.ok) expect((r.value as unknown[]).length, inj).toBe(0);
      const audit = await call(core, 'audit:list', { record: inj, action: inj.slice(0, 32) });
      expect(audit).toMatchObject({ ok: true, value: { entries: [] } });
    }
  });

  it('free text holding injection strings is stored and read back byte for byte', async () => {
    for (const [i, inj] of INJECTIONS.entries()) {
      const text = inj.replace('\u0000', '');
      const data = beneficiaryFixture({ idNumber: idFor(i), mobile: `05500000${String(i).padStart(2, '0')}`, firstName: 'سعاد', notes: text, city: text.slice(0, 60), district: text.slice(0, 60), latinName: text });
      let created = await call(core, 'beneficiaries:create', { data });
      // Same name and birth year as earlier rounds: acknowledge the similarity warnings and save.
      if (!created.ok && created.error.details?.warnings) created = await call(core, 'beneficiaries:create', { data, acknowledgedWarnings: created.error.details.warnings.split(',') });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      const got = await call(core, 'beneficiaries:get', { id: (created.value as { id: string }).id });
      expect(got).toMatchObject({ ok: true, value: { notes: text.trim() || null, latinName: text.trim() || null } });
      const user = await call(core, 'users:create', { username: `inj${i}`, displayName: text.trim() || 'x', role: 'receptionist', password: 'Injection-pass-1' });
      expect(user).toMatchObject({ ok: true, value: { displayName: text.trim() || 'x' } });
      const dsr = await call(core, 'privacy:createRequest', { beneficiaryId, kind: 'correction', details: text });
      expect(dsr).toMatchObject({ ok: true, value: { details: text.trim() || null } });
    }
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('beneficiaries', 'users', 'consents', 'audit_log')`.execute(core.db)).rows[0]!.n)).toBe(4);
  });
});

describe('raw SQL in the source', () => {
  /** Files allowed raw SQL, each building identifiers from code constants (never from input) or fixed statements. */
  const ALLOWED: Record<string, string> = {
    'main/db/open-database.ts': 'fixed PRAGMA statements',
    'main/db/sqlite3-driver.ts': 'the driver itself (BEGIN/COMMIT/ROLLBACK)',
    'main/db/bulk-insert.ts': 'identifiers from the table registry, quoted by ident()',
    'main/central/domain-views.ts': 'identifiers from the sync registry, quoted by ident()',
    'main/sync/capture-triggers.ts': 'trigger DDL generated from the sync registry',
    'main/sync/local-rows.ts': 'column lists from the sync registry, values bound as JSON parameters',
    'main/sync/base-rows.ts': 'fixed statement, values bound as parameters',
    'main/beneficiaries/bulk-load.ts': 'numeric PRAGMA values, and index and trigger DDL read back from sqlite_master',
    'main/central/counter-logins.ts': 'role DDL (no bind parameters): the name checked against a pattern, the password a doubled-quote literal',
    'main/central/migrations/0002-counter-logins.ts': 'a quoted schema name and fixed function names and lock number',
    'main/central/migrations/0003-sync-files.ts': 'a quoted schema name and the fixed file-size limit',
    'main/central/migrations/0004-unreferenced-files.ts': 'a quoted schema name and the fixed push lock number',
    'main/db/migrations/0016-library-version-order.ts': 'the table\'s own CREATE TABLE read back from sqlite_master, minus one constraint',
    'main/central/migrations/0005-push-jsonb.ts': 'a quoted schema name, fixed trigger names and events, the push lock number and work_mem',
  };
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });

  it('uses sql.raw, sql.lit or CompiledQuery.raw only in the reviewed files', () => {
    const offenders = files('main')
      .map((f) => relative('.', f).split('\\').join('/'))
      .filter((f) => /\b(sql\.raw|sql\.lit|CompiledQuery\.raw)\(/.test(readFileSync(f, 'utf8')))
      .filter((f) => !(f in ALLOWED));
    expect(offenders).toEqual([]);
  });
});
