import { describe, expect, it } from 'vitest';
import { contract, CHANNELS } from '../../shared/contract/index';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import { buildApi } from '../../shared/contract/build-api';
import { ROLES } from '../../shared/auth/roles';

describe('the contract', () => {
  it('names every channel domain:verb and gives each an access rule', () => {
    for (const name of CHANNELS) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-zA-Z]+$/);
      const access = contract[name].access;
      expect(access === 'public' || (Array.isArray(access) && access.length > 0 && access.every((r) => ROLES.includes(r)))).toBe(true);
    }
  });
  it("the preload's channel list is exactly the contract's", () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });
  it('builds a grouped, frozen api with one function per channel and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(CHANNEL_NAMES, async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    });
    await api.beneficiaries!.search!({ query: 'x' });
    expect(calls).toEqual([['beneficiaries:search', { query: 'x' }]]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.beneficiaries)).toBe(true);
    // One group per domain of the contract, and nothing else.
    expect(Object.keys(api).sort()).toEqual([...new Set(CHANNEL_NAMES.map((c) => c.split(':')[0]))].sort());
    expect((api as Record<string, unknown>).invoke).toBeUndefined();
  });
});
