/** Three counters, real SQLite files, one real PostgreSQL: random work converges everywhere. */
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { createBeneficiary, editBeneficiary, familyOf } from '../support/sync-ops';

let central: TestCentral;
let counters: TestCounter[] = [];

beforeAll(async () => {
  central = await startTestCentral(54331);
});
afterAll(async () => {
  await central?.stop();
});
beforeEach(async () => {
  for (const c of counters) await c.dispose();
  counters = [];
  await central.truncate();
});

async function three() {
  counters = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02'), await createTestCounter(central, 'K03')];
  return counters as [TestCounter, TestCounter, TestCounter];
}

async function expectConverged(cs: TestCounter[]) {
  for (const c of cs) expect(await snapshot(c)).toEqual(await centralSnapshot(central, c));
}

describe('three counters', () => {
  it('exchange new records both ways and end with the same data as the central database', async () => {
    const [a, b, c] = await three();
    await createBeneficiary(a, 1, { household: [{ relation: 'son', name: 'ابن', disability: false }] as never });
    await createBeneficiary(b, 2);
    await createBeneficiary(c, 3);
    for (const x of [a, b, c, a, b]) expect((await x.sync()).status).toBe('ok');
    await expectConverged([a, b, c]);
    const names = await a.core.db.selectFrom('beneficiaries').select('family_name').orderBy('family_name').execute();
    expect(names.map((n) => n.family_name)).toEqual([familyOf(1), familyOf(2), familyOf(3)].sort());
    expect((await a.core.db.selectFrom('household_members').selectAll().execute()).length).toBe(1);
    // Pulled rows are not captured again.
    for (const x of [a, b, c]) expect(await x.core.db.selectFrom('sync_outbox' as never).selectAll().execute()).toEqual([]);
  });

  it('converge after random creations and edits with syncs in between', async () => {
    const cs = await three();
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let next = 100;
    for (let step = 0; step < 40; step++) {
      const c = cs[rnd(3)]!;
      const op = rnd(4);
      const ids = (await c.core.db.selectFrom('beneficiaries').select('id').execute()).map((r) => r.id);
      if (op === 0 || ids.length === 0) await createBeneficiary(c, next++);
      else if (op === 1) await editBeneficiary(c, ids[rnd(ids.length)]!, { notes: `n${step}` });
      else if (op === 2) await editBeneficiary(c, ids[rnd(ids.length)]!, { city: `c${step}`, district: `d${step}` });
      else expect((await c.sync()).status).toBe('ok');
    }
    for (let round = 0; round < 2; round++) for (const c of cs) expect((await c.sync()).status).toBe('ok');
    await expectConverged(cs);
  });

  it('after a run, a range whose digest differs is re-pulled and reported', async () => {
    const [a, b] = await three();
    const x = await createBeneficiary(a, 9);
    for (const c of [a, b]) expect((await c.sync()).status).toBe('ok');
    // Damage counter B's copy behind the capture triggers' back (as a bad restore would).
    await sql`UPDATE sync_control SET applying = 1`.execute(b.core.db);
    await sql`UPDATE beneficiaries SET mobile = '+966599999999' WHERE id = ${x.id}`.execute(b.core.db);
    await sql`UPDATE sync_control SET applying = 0`.execute(b.core.db);
    const run = await b.sync();
    expect(run.status).toBe('ok');
    expect(run.mismatches).toBe(1);
    expect(run.repulled).toBeGreaterThan(0);
    const row = await b.core.db.selectFrom('beneficiaries').select('mobile').where('id', '=', x.id).executeTakeFirstOrThrow();
    expect(row.mobile).toBe('+966550000009');
    const history = await b.core.sync.history(5);
    expect(history[0]!.mismatches).toBe(1);
  });

  it('runs one sync at a time: a second request joins the run in flight', async () => {
    const [a] = await three();
    await createBeneficiary(a, 11);
    const [r1, r2] = await Promise.all([a.sync(), a.sync()]);
    expect(r1).toBe(r2);
    const runs = await a.core.db.selectFrom('sync_runs' as never).selectAll().execute();
    expect(runs).toHaveLength(1);
  });
});
