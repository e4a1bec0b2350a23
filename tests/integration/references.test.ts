/** Two counters numbering offline at the same time never produce the same reference. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../support/test-core';
import { prng, syntheticBeneficiary } from '../../main/demo/synthetic-people';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';

const cores: Awaited<ReturnType<typeof createTestCore>>[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

describe('human references', () => {
  it('differ across counters numbering in parallel', async () => {
    const a = await createTestCore();
    const b = await createTestCore();
    cores.push(a, b);
    await b.db.updateTable('counters').set({ code: 'K02' }).execute();
    const sessionB = b.sessions.current()!;
    b.sessions.set({ ...sessionB, counter: { ...sessionB.counter, code: 'K02' } });

    const random = prng(7);
    const write = (core: typeof a, offset: number) =>
      Promise.all(
        Array.from({ length: 25 }, (_, i) => {
          const s = core.sessions.current()!;
          const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
          return core.beneficiaries.create(actor, beneficiaryInput.parse(syntheticBeneficiary(offset + i, random)), []).catch(() => null);
        }),
      );
    const [fromA, fromB] = await Promise.all([write(a, 1), write(b, 1000)]);
    const refs = [...fromA, ...fromB].filter((x) => x !== null).map((x) => x!.reference);
    expect(refs.length).toBeGreaterThan(40);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.filter((r) => r.includes('-K01-'))).toHaveLength(fromA.filter(Boolean).length);
    // Each counter's own numbers are gap-free from 1.
    const seqA = fromA.filter(Boolean).map((x) => Number(x!.reference.slice(-6))).sort((p, q) => p - q);
    expect(seqA).toEqual(seqA.map((_, i) => i + 1));
  });
});
