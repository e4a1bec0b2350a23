/**
 * Every channel has a permission, and the router refuses each role every channel the contract
 * does not grant it (iterating over the whole contract, so a new channel is covered the day it
 * is added). The refusal comes before the input is even read: the payload does not matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestCore } from '../support/test-core';
import { contract, CHANNELS } from '../../shared/contract/index';
import { ROLES, type Role } from '../../shared/auth/roles';
import type { ChannelDef } from '../../shared/contract/define';

let core: Awaited<ReturnType<typeof createTestCore>>;
const PASSWORD = 'Role-pass-2026';

beforeAll(async () => {
  core = await createTestCore();
  for (const role of ROLES) {
    const r = await call(core, 'users:create', { username: `user.${role.replace('_', '')}`, displayName: role, role, password: PASSWORD });
    expect(r.ok).toBe(true);
  }
});
afterAll(async () => {
  await core.dispose();
});

const defs = CHANNELS.map((name) => [name, contract[name] as ChannelDef] as const);
const rowCounts = async () => {
  const tables = ['beneficiaries', 'users', 'settings', 'consents', 'data_subject_requests', 'breaches'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await core.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
};

describe('permissions', () => {
  it('every channel declares who may call it: public, or a non-empty list of known roles', () => {
    expect(defs.length).toBeGreaterThan(10);
    for (const [name, def] of defs) {
      const ok = def.access === 'public' || (Array.isArray(def.access) && def.access.length > 0 && def.access.every((r) => ROLES.includes(r)));
      expect(ok, name).toBe(true);
    }
  });

  it('only sign-in and harmless status channels are public', () => {
    const publicOnes = defs.filter(([, d]) => d.access === 'public').map(([n]) => n).sort();
    expect(publicOnes).toEqual(['app:info', 'auth:setupFirstAdmin', 'auth:signIn', 'auth:status', 'session:current']);
  });

  it('administrators may call every non-public channel', () => {
    for (const [name, def] of defs) if (def.access !== 'public') expect(def.access, name).toContain('administrator');
  });

  it.each(ROLES)('refuses %s every channel it lacks, and changes nothing', async (role: Role) => {
    const signedIn = await call(core, 'auth:signIn', { username: `user.${role.replace('_', '')}`, password: PASSWORD });
    expect(signedIn).toMatchObject({ ok: true, value: { user: { role } } });
    const before = await rowCounts();
    const lacking = defs.filter(([, d]) => d.access !== 'public' && !d.access.includes(role));
    if (role !== 'administrator') expect(lacking.length, `${role} should lack something`).toBeGreaterThan(0);
    for (const [name] of lacking) {
      const r = await call(core, name, {});
      expect(r, `${role} → ${name}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses every non-public channel when nobody is signed in', async () => {
    await call(core, 'auth:signOut', { reason: 'user' });
    for (const [name, def] of defs) {
      if (def.access === 'public') continue;
      expect(await call(core, name, {}), name).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    }
  });
});
