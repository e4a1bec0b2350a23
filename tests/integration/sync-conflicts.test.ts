/** Same-field edits on two counters and the same national ID registered twice: the queue. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, sharedTables, snapshot, type TestCounter } from '../support/sync-counters';
import { actorOf, adminId, createBeneficiary, editBeneficiary } from '../support/sync-ops';
import { listConflicts, resolveConflict } from '../../main/sync/conflicts';
import { syncDb } from '../../main/sync/sync-db';

let central: TestCentral;
let counters: TestCounter[] = [];

beforeAll(async () => {
  central = await startTestCentral(54332);
});
afterAll(async () => {
  await central?.stop();
});
beforeEach(async () => {
  for (const c of counters) await c.dispose();
  counters = [];
  await central.truncate();
});

async function two() {
  counters = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02')];
  return counters as [TestCounter, TestCounter];
}

async function resolve(c: TestCounter, id: string, choice: 'local' | 'remote') {
  await resolveConflict({ db: syncDb(c.core.db), clock: c.core.clock, newId: c.core.newId }, actorOf(c, await adminId(c)), id, choice);
}

async function allSync(cs: TestCounter[], rounds = 2) {
  for (let r = 0; r < rounds; r++) for (const c of cs) expect((await c.sync()).status).toBe('ok');
}

describe('per-field merge', () => {
  it('keeps edits of different fields from both counters', async () => {
    const [a, b] = await two();
    const x = await createBeneficiary(a, 1);
    await allSync([a, b]);
    await editBeneficiary(a, x.id, { city: 'الرياض' });
    await editBeneficiary(b, x.id, { notes: 'يحتاج متابعة' });
    await allSync([a, b]);
    for (const c of [a, b]) {
      const row = await c.core.db.selectFrom('beneficiaries').selectAll().where('id', '=', x.id).executeTakeFirstOrThrow();
      expect([row.city, row.notes]).toEqual(['الرياض', 'يحتاج متابعة']);
    }
    expect(await listConflicts(syncDb(a.core.db))).toEqual([]);
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
  });

  it('queues the same identity field changed differently on two counters, loses nothing, and applies the choice', async () => {
    const [a, b] = await two();
    const x = await createBeneficiary(a, 1);
    await allSync([a, b]);
    await editBeneficiary(a, x.id, { family_name: 'الشمري' });
    await editBeneficiary(b, x.id, { family_name: 'الشهري' });
    await allSync([a, b]);
    const queued = [...(await listConflicts(syncDb(a.core.db))), ...(await listConflicts(syncDb(b.core.db)))];
    expect(queued).toHaveLength(1);
    const q = queued[0]!;
    expect(q.field).toBe('family_name');
    // Both values are kept: one in the record (central's), the other in the queue.
    expect([JSON.parse(q.localValue!), JSON.parse(q.remoteValue!)].sort()).toEqual(['الشمري', 'الشهري'].sort());
    expect(sharedTables(await snapshot(a))).toEqual(sharedTables(await snapshot(b)));
    const owner = (await listConflicts(syncDb(a.core.db))).length ? a : b;
    await resolve(owner, q.id, 'local');
    await allSync([a, b]);
    for (const c of [a, b]) {
      const row = await c.core.db.selectFrom('beneficiaries').selectAll().where('id', '=', x.id).executeTakeFirstOrThrow();
      expect(row.family_name).toBe(JSON.parse(q.localValue!));
      expect(row.name_normalised).toContain(JSON.parse(q.localValue!));
    }
    expect(await listConflicts(syncDb(owner.core.db))).toEqual([]);
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
    expect(await snapshot(b)).toEqual(await centralSnapshot(central, b));
  });

  it('never settles an identity field silently: no conflict only when both typed the same', async () => {
    const [a, b] = await two();
    const x = await createBeneficiary(a, 1);
    await allSync([a, b]);
    await editBeneficiary(a, x.id, { first_name: 'سعود' });
    await editBeneficiary(b, x.id, { first_name: 'سعود' });
    await allSync([a, b]);
    expect([...(await listConflicts(syncDb(a.core.db))), ...(await listConflicts(syncDb(b.core.db)))]).toEqual([]);
  });
});

describe('the same national ID registered on two counters the same day', () => {
  it('does not fail the pull, queues the pair on both counters, and merges through the queue', async () => {
    const [a, b] = await two();
    const onA = await createBeneficiary(a, 5, { household: [{ relation: 'son', name: 'ابن أ', disability: false }] as never });
    const onB = await createBeneficiary(b, 5, { household: [{ relation: 'daughter', name: 'ابنة ب', disability: false }] as never });
    await allSync([a, b]);
    const qa = await listConflicts(syncDb(a.core.db));
    const qb = await listConflicts(syncDb(b.core.db));
    expect(qa.map((q) => [q.kind, q.rowKey, q.otherKey])).toEqual([['duplicate', onB.id, onA.id]]);
    expect(qb.map((q) => [q.kind, q.rowKey, q.otherKey])).toEqual([['duplicate', onA.id, onB.id]]);
    expect(qa[0]!.label).toContain(onB.reference);
    // Nothing lost, nothing doubled: each counter holds both records (one live, one waiting).
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
    expect(await snapshot(b)).toEqual(await centralSnapshot(central, b));

    // On counter A a person keeps A's record; B's becomes a merged (deleted) record everywhere.
    await resolve(a, qa[0]!.id, 'local');
    await allSync([a, b]);
    expect(await listConflicts(syncDb(a.core.db))).toEqual([]);
    expect(await listConflicts(syncDb(b.core.db))).toEqual([]);
    for (const c of [a, b]) {
      const live = await c.core.db.selectFrom('beneficiaries').select('id').where('deleted_at', 'is', null).execute();
      expect(live.map((r) => r.id)).toEqual([onA.id]);
      const all = await c.core.db.selectFrom('beneficiaries').select('id').execute();
      expect(all).toHaveLength(2);
      expect(await c.core.db.selectFrom('household_members').select('id').execute()).toHaveLength(2);
      expect(await c.core.db.selectFrom('sync_held' as never).selectAll().execute()).toEqual([]);
    }
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
    expect(await snapshot(b)).toEqual(await centralSnapshot(central, b));
  });
});
