/** The router's checks, in order, on the real core. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { APP_SOURCE, call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { CHANNELS } from '../../shared/contract/index';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.dispose();
});

const countRows = async () =>
  Number((await core.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('router', () => {
  it('refuses an unknown channel, including prototype names', async () => {
    for (const channel of ['beneficiaries:drop', 'constructor', '__proto__', 'toString']) {
      const r = await core.router.invoke(channel, {}, APP_SOURCE);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses a call from outside the app page or from a sub-frame', async () => {
    const outside = await core.router.invoke('beneficiaries:search', { query: 'x' }, { senderUrl: 'https://evil.example/', isMainFrame: true });
    const frame = await core.router.invoke('beneficiaries:search', { query: 'x' }, { ...APP_SOURCE, isMainFrame: false });
    expect(outside).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(frame).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it("refuses a role what the contract does not grant it, and nobody when signed out", async () => {
    const session = core.sessions.current()!;
    core.sessions.set({ ...session, user: { ...session.user, role: 'committee_member' } });
    const r = await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: { ar: expect.any(String), en: expect.any(String) } } });
    expect(await countRows()).toBe(0);
    const read = await call(core, 'beneficiaries:search', { query: 'x' });
    expect(read.ok).toBe(true);

    core.sessions.set(null);
    expect(await call(core, 'beneficiaries:search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await call(core, 'session:current', {})).toEqual({ ok: true, value: null });
  });

  it('refuses malformed payloads with a typed error, never a stack trace', async () => {
    for (const payload of [null, 42, 'x', [], { data: null }, { data: { idType: 'x' } }, { query: 5 }]) {
      const r = await call(core, 'beneficiaries:create', payload);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      expect(JSON.stringify(r.error)).not.toMatch(/at .*\.ts|Error:/);
    }
  });

  it('answers random input on every channel with a typed value and changes nothing', async () => {
    const before = await countRows();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), async (channel, payload) => {
        const r = await call(core, channel, payload);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(['VALIDATION', 'NOT_FOUND', 'DUPLICATE', 'CONFLICT']).toContain(r.error.code);
      }),
      { numRuns: 300 },
    );
    expect(await countRows()).toBe(before);
  });
});
