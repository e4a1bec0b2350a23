/**
 * Every IPC channel under random and malformed input (fast-check), as an administrator, as the
 * least-privileged role and signed out: always a typed error value, never a crash or a stack
 * trace, and never a change to the database (every table's rows digested before and after).
 * Inputs that happen to be valid are skipped: those are real calls, not malformed ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { call, createTestCore } from '../support/test-core';
import { contract, CHANNELS } from '../../shared/contract/index';
import type { ChannelDef } from '../../shared/contract/define';
import type { ErrorCode } from '../../shared/errors/app-error';
import { beneficiaryFixture } from '../support/fixtures';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeAll(async () => {
  core = await createTestCore();
  await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
  await call(core, 'users:create', { username: 'committee', displayName: 'عضو لجنة', role: 'committee_member', password: 'Committee-2026' });
});
afterAll(async () => {
  await core.dispose();
});

async function databaseDigest(): Promise<string> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(core.db);
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await sql`SELECT * FROM ${sql.table(name)} ORDER BY rowid`.execute(core.db).catch(async () => sql`SELECT * FROM ${sql.table(name)}`.execute(core.db));
    hash.update(name).update(JSON.stringify(rows.rows));
  }
  return hash.digest('hex');
}

/** A value shaped like the channel's input (its own keys) with random contents: reaches deeper than pure noise. */
function shapedArbitrary(def: ChannelDef): fc.Arbitrary<unknown> {
  const shape = (def.input as unknown as { shape?: Record<string, unknown>; def?: { shape?: Record<string, unknown> } }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const noise = fc.oneof(fc.anything(), fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.double(), fc.constant(null), fc.constantFrom('', ' ', '٠١٢', '\u0000', 'x'.repeat(5000)));
  if (keys.length === 0) return fc.anything();
  return fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...keys), noise), fc.record(Object.fromEntries(keys.map((k) => [k, noise]))));
}

const TYPED: ErrorCode[] = ['VALIDATION', 'FORBIDDEN', 'NOT_SIGNED_IN', 'NOT_FOUND', 'CONFLICT', 'DUPLICATE'];

async function fuzzAll(numRuns: number) {
  for (const name of CHANNELS) {
    const def = contract[name] as ChannelDef;
    await fc.assert(
      fc.asyncProperty(shapedArbitrary(def), async (payload) => {
        if (def.input.safeParse(payload).success) return; // a valid call, not a malformed one
        const r = await call(core, name, payload);
        expect(r.ok, `${name} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
        if (r.ok) return;
        expect(TYPED, `${name}: ${r.error.code}`).toContain(r.error.code);
        expect(r.error.message.ar.length).toBeGreaterThan(0);
        expect(JSON.stringify(r.error)).not.toMatch(/\bat \S+\.(ts|js):\d+|Error:|SQLITE_/);
      }),
      { numRuns, seed: 334 },
    );
  }
}

describe('fuzzing every channel', () => {
  it('as an administrator: typed errors only, no database change', async () => {
    const before = await databaseDigest();
    await fuzzAll(40);
    expect(await databaseDigest()).toBe(before);
    expect(core.sessions.current()?.user.role).toBe('administrator');
  }, 240_000);

  it('as a committee member and signed out: typed errors only, no database change', async () => {
    await call(core, 'auth:signIn', { username: 'committee', password: 'Committee-2026' });
    const before = await databaseDigest();
    await fuzzAll(15);
    await call(core, 'auth:signOut', { reason: 'user' });
    const signedOut = await databaseDigest();
    await fuzzAll(15);
    expect(await databaseDigest()).toBe(signedOut);
    // Between the two digests only the sign-out itself was written.
    expect(before).not.toBe(signedOut);
  }, 240_000);
});
