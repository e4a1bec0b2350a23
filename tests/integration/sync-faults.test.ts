/**
 * Faults, each followed by recovery and a count: the server killed in the middle of a push, the
 * connection cut during a pull, a batch delivered twice, the app killed between the central
 * commit and the outbox cleanup, a clock an hour off. Zero lost, zero duplicated.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, openTestCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { createBeneficiary, editBeneficiary } from '../support/sync-ops';
import { acknowledge, buildBatch } from '../../main/sync/push';
import { syncDb } from '../../main/sync/sync-db';
import { connectCentral } from '../../main/central/connect';
import { pushBatch } from '../../main/central/central-store';

let central: TestCentral;
let counters: TestCounter[] = [];

beforeAll(async () => {
  central = await startTestCentral(54334);
});
afterAll(async () => {
  await central?.stop();
});
beforeEach(async () => {
  for (const c of counters) await c.dispose().catch(() => undefined);
  counters = [];
  await central.truncate();
});

async function seed(c: TestCounter, count: number, from = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) ids.push((await createBeneficiary(c, i)).id);
  return ids;
}

/** Each created record exactly once centrally, and its change logged once per version pushed. */
async function expectExactlyOnce(ids: string[]) {
  const rows = await central.query<{ row_key: string }>(`SELECT row_key FROM sync_rows WHERE table_name = 'beneficiaries' ORDER BY row_key`);
  expect(rows.map((r) => r.row_key)).toEqual([...ids].sort());
  const dup = await central.query(`SELECT device_id, device_seq FROM sync_changes GROUP BY 1, 2 HAVING count(*) > 1`);
  expect(dup).toEqual([]);
}

describe('sync under faults', () => {
  it('the server killed in the middle of a push: the batch rolls back, the next run completes it', async () => {
    const a = await createTestCounter(central, 'K01');
    const b = await createTestCounter(central, 'K02');
    counters = [a, b];
    const ids = await seed(a, 120);
    let batches = 0;
    a.hooks.beforeCommit = async () => {
      if (++batches === 2) await central.kill();
    };
    const failed = await a.sync();
    expect(failed.status).toBe('failed');
    expect(failed.error?.ar).toContain('تعذّر الوصول');
    await central.restart();
    a.hooks.beforeCommit = undefined;
    expect((await a.sync()).status).toBe('ok');
    expect((await b.sync()).status).toBe('ok');
    expect((await a.sync()).status).toBe('ok');
    await expectExactlyOnce(ids);
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
    expect(await snapshot(b)).toEqual(await centralSnapshot(central, b));
  });

  it('the connection cut during a pull: whole pages only, the retry continues from the cursor', async () => {
    const a = await createTestCounter(central, 'K01');
    const b = await createTestCounter(central, 'K02');
    counters = [a, b];
    const ids = await seed(a, 120);
    expect((await a.sync()).status).toBe('ok');
    let cut = false;
    b.hooks.afterPullPage = async (page) => {
      if (page === 1 && !cut) {
        cut = true;
        await central.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'istiqbal-sync'`);
        // The socket is gone between two pages; surface it as the driver would mid-read.
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      }
    };
    const run = await b.sync();
    expect(cut).toBe(true);
    expect(run.status).toBe('ok');
    expect(run.attempts).toBe(2);
    await expectExactlyOnce(ids);
    expect(await b.core.db.selectFrom('beneficiaries').select('id').execute()).toHaveLength(120);
    expect(await snapshot(b)).toEqual(await centralSnapshot(central, b));
  });

  it('a batch delivered twice changes nothing the second time and gets the same answer', async () => {
    const a = await createTestCounter(central, 'K01');
    counters = [a];
    const ids = await seed(a, 10);
    const db = syncDb(a.core.db);
    const device = (await db.selectFrom('sync_state').select('value').where('key', '=', 'device_id').executeTakeFirstOrThrow()).value;
    const c = connectCentral({ url: central.url, sslMode: 'disable' });
    try {
      const batch = (await buildBatch(db, { deviceId: device, counterId: a.counterId, batchSize: 1000 }, Number.MAX_SAFE_INTEGER))!;
      const first = await pushBatch(c.db, batch);
      const before = await central.query(`SELECT count(*)::int AS n FROM sync_changes`);
      const second = await pushBatch(c.db, batch);
      expect(second).toEqual(first);
      expect(await central.query(`SELECT count(*)::int AS n FROM sync_changes`)).toEqual(before);
      await acknowledge(db, batch, second);
    } finally {
      await c.close();
    }
    expect(await db.selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
    await expectExactlyOnce(ids);
    expect((await a.sync()).status).toBe('ok');
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
  });

  it('the app killed between the central commit and the outbox cleanup: the replay is a no-op', async () => {
    const a = await createTestCounter(central, 'K01');
    const b = await createTestCounter(central, 'K02');
    counters = [a, b];
    const ids = await seed(a, 60);
    a.hooks.afterCentralCommit = async () => {
      throw new Error('simulated crash after the central commit');
    };
    expect((await a.sync()).status).toBe('failed');
    const file = join(a.core.dir, 'istiqbal.sqlite');
    await a.core.close();
    // The app starts again on the same file; meanwhile one pushed record was edited once more.
    const again = await openTestCounter(central, file, 'K01');
    counters = [again, b];
    expect((await syncDb(again.core.db).selectFrom('sync_outbox').selectAll().execute()).length).toBeGreaterThan(0);
    await editBeneficiary(again, ids[0]!, { notes: 'بعد إعادة التشغيل' });
    expect((await again.sync()).status).toBe('ok');
    expect((await b.sync()).status).toBe('ok');
    expect((await again.sync()).status).toBe('ok');
    await expectExactlyOnce(ids);
    expect(await syncDb(again.core.db).selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
    const onB = await b.core.db.selectFrom('beneficiaries').select('notes').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    expect(onB.notes).toBe('بعد إعادة التشغيل');
    expect(await snapshot(again)).toEqual(await centralSnapshot(central, again));
    expect(await snapshot(b)).toEqual(await centralSnapshot(central, b));
    await a.core.dispose().catch(() => undefined);
  });

  it('a clock an hour off is refused with a clear message; once corrected, nothing is lost', async () => {
    let offset = 60 * 60 * 1000;
    const clock = { now: () => new Date(Date.now() + offset) };
    const a = await createTestCounter(central, 'K01', { clock });
    counters = [a];
    const ids = await seed(a, 5);
    const refused = await a.sync();
    expect(refused.status).toBe('refused');
    expect(refused.error?.ar).toContain('5 دقائق');
    expect(refused.error?.en).toContain('more than 5 minutes');
    expect(await central.query(`SELECT * FROM sync_changes`)).toEqual([]);
    offset = 0;
    expect((await a.sync()).status).toBe('ok');
    await expectExactlyOnce(ids);
    expect(await snapshot(a)).toEqual(await centralSnapshot(central, a));
  });
});
