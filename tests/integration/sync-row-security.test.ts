/**
 * Each counter pushes with its own PostgreSQL login (created by `central add-counter`), and the
 * central side holds it to its own device: no writing as another counter, no moving another's
 * high-water mark, no direct writes to the sync tables, no overwriting another counter's
 * owner-only rows. Three counters on their own logins still converge.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { createBeneficiary, editBeneficiary } from '../support/sync-ops';
import { buildBatch } from '../../main/sync/push';
import { syncDb } from '../../main/sync/sync-db';
import { getState, setState } from '../../main/sync/sync-state';
import { connectCentral } from '../../main/central/connect';
import { DeviceNotOwnedError, pushBatch } from '../../main/central/central-store';
import { provisionCounterLogin } from '../../main/central/counter-logins';
import { runSyncCommand } from '../../main/sync/cli-commands';

let central: TestCentral;
let counters: TestCounter[] = [];
const logins: Record<string, string> = {};

function loginUrl(code: string): string {
  const u = new URL(central.url);
  u.username = `counter_${code.toLowerCase()}`;
  u.password = logins[code]!;
  return u.toString();
}

beforeAll(async () => {
  central = await startTestCentral(54336);
  const owner = connectCentral({ url: central.url, sslMode: 'disable' });
  try {
    for (const code of ['K01', 'K02', 'K03']) {
      logins[code] = `pw-${code}-${Math.random().toString(36).slice(2)}`;
      await provisionCounterLogin(owner.db, code, logins[code]!);
    }
  } finally {
    await owner.close();
  }
});
afterAll(async () => {
  await central?.stop();
});
beforeEach(async () => {
  for (const c of counters) await c.dispose().catch(() => undefined);
  counters = [];
  await central.truncate();
});

async function three(): Promise<[TestCounter, TestCounter, TestCounter]> {
  counters = [];
  for (const code of ['K01', 'K02', 'K03']) counters.push(await createTestCounter(central, code, { url: loginUrl(code) }));
  return counters as [TestCounter, TestCounter, TestCounter];
}

const deviceOf = async (c: TestCounter) => (await getState(syncDb(c.core.db), 'device_id'))!;

/** Runs SQL as one counter's login and returns the error code PostgreSQL answered with. */
async function asLogin(code: string, text: string): Promise<string | null> {
  const c = connectCentral({ url: loginUrl(code), sslMode: 'disable' });
  try {
    await c.pool.query(text);
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  } finally {
    await c.close();
  }
}

describe('counter logins on the central database', () => {
  it('`central add-counter` creates a login in the counters group and prints its password once; again, a new password', async () => {
    const core = await createTestCounter(central, 'K09');
    counters = [core];
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(String(line)));
    try {
      expect(await runSyncCommand(core.core, 'central', ['add-counter', 'K09'], { url: central.url, sslmode: 'disable' })).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(printed[0]).toBe('created login counter_k09');
    const password = printed[1]!.split(': ').at(-1)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [role] = await central.query<{ rolcanlogin: boolean; member: boolean }>(
      `SELECT rolcanlogin, pg_has_role(oid, 'istiqbal_counter', 'MEMBER') AS member FROM pg_roles WHERE rolname = 'counter_k09'`,
    );
    expect(role).toEqual({ rolcanlogin: true, member: true });
    logins.K09 = password;
    const run = await createTestCounter(central, 'K09', { url: loginUrl('K09') });
    counters.push(run);
    expect((await run.sync()).status).toBe('ok');
    // Re-running it replaces the password: the old one no longer signs in.
    const silent = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runSyncCommand(core.core, 'central', ['add-counter', 'K09'], { url: central.url, sslmode: 'disable', password: 'another-password-for-k09' })).toBe(0);
    } finally {
      silent.mockRestore();
    }
    expect((await run.sync()).status).toBe('failed');
  });

  it('three counters on their own logins converge, and each device is bound to its login', async () => {
    const [a, b, c] = await three();
    await createBeneficiary(a, 1);
    await createBeneficiary(b, 2);
    const x = await createBeneficiary(c, 3);
    for (const k of [a, b, c, a, b]) expect((await k.sync()).status).toBe('ok');
    await editBeneficiary(b, x.id, { notes: 'from K02' });
    for (const k of [b, a, c]) expect((await k.sync()).status).toBe('ok');
    for (const k of [a, b, c]) expect(await snapshot(k)).toEqual(await centralSnapshot(central, k));
    const devices = await central.query<{ device_id: string; login_role: string }>('SELECT device_id, login_role FROM sync_devices ORDER BY login_role');
    expect(devices).toEqual([
      { device_id: await deviceOf(a), login_role: 'counter_k01' },
      { device_id: await deviceOf(b), login_role: 'counter_k02' },
      { device_id: await deviceOf(c), login_role: 'counter_k03' },
    ]);
  });

  it('counter A pushing as counter B is refused with a clear error, and nothing of B changes', async () => {
    const [a, b] = await three();
    await createBeneficiary(b, 5);
    expect((await b.sync()).status).toBe('ok');
    const bDevice = await deviceOf(b);
    const before = await central.query('SELECT * FROM sync_devices ORDER BY device_id');
    const changesBefore = await central.query('SELECT count(*)::int AS n FROM sync_changes');

    // A hand-made batch under B's device id, through A's own login.
    await createBeneficiary(a, 6);
    const batch = (await buildBatch(syncDb(a.core.db), { deviceId: bDevice, counterId: a.counterId, batchSize: 50 }, 1_000_000))!;
    const asA = connectCentral({ url: loginUrl('K01'), sslMode: 'disable' });
    try {
      const refused = pushBatch(asA.db, { ...batch, toSeq: 999_999 });
      await expect(refused).rejects.toBeInstanceOf(DeviceNotOwnedError);
      await expect(refused).rejects.toThrow(/device .* belongs to the login counter_k02; the login counter_k01 may not write as it/);
    } finally {
      await asA.close();
    }

    // The same through the engine: a counter whose database claims B's device (a copied file).
    const own = await deviceOf(a);
    await setState(syncDb(a.core.db), 'device_id', bDevice);
    const run = await a.sync();
    expect(run.status).toBe('refused');
    expect(run.error?.en).toMatch(/login in use belongs to another counter/);
    expect(run.error?.ar).toContain('يخص جهازاً آخر');
    await setState(syncDb(a.core.db), 'device_id', own);

    expect(await central.query('SELECT * FROM sync_devices ORDER BY device_id')).toEqual(before);
    expect(await central.query('SELECT count(*)::int AS n FROM sync_changes')).toEqual(changesBefore);
    expect((await a.sync()).status).toBe('ok');
  });

  it('a counter login cannot write the sync tables directly or call the owner check', async () => {
    const [a, b] = await three();
    await createBeneficiary(b, 7);
    expect((await b.sync()).status).toBe('ok');
    expect((await a.sync()).status).toBe('ok');
    const bDevice = await deviceOf(b);
    const denied = '42501';
    expect(await asLogin('K01', `INSERT INTO sync_changes (device_id, device_seq, table_name, row_key, op, row, row_hash, hlc)
      VALUES ('${bDevice}', 999, 'beneficiaries', 'x', 'upsert', '{}', 'h', 'x')`)).toBe(denied);
    expect(await asLogin('K01', `UPDATE sync_devices SET high_water = 999999 WHERE device_id = '${bDevice}'`)).toBe(denied);
    expect(await asLogin('K01', `UPDATE sync_rows SET origin_device = 'x'`)).toBe(denied);
    expect(await asLogin('K01', `DELETE FROM sync_changes`)).toBe(denied);
    expect(await asLogin('K01', `TRUNCATE sync_rows`)).toBe(denied);
    expect(await asLogin('K01', `SELECT istiqbal_device_owner('${bDevice}', 'x')`)).toBe(denied);
    // Reading stays open: pulls and digests need every counter's changes.
    expect(await asLogin('K01', 'SELECT count(*) FROM sync_changes')).toBeNull();
  });

  it("another counter's owner-only row (its audit trail) and a row it has not seen are not overwritten", async () => {
    const [a, b] = await three();
    await createBeneficiary(b, 8);
    expect((await b.sync()).status).toBe('ok');
    expect((await a.sync()).status).toBe('ok');
    const bDevice = await deviceOf(b);
    const [audit] = await central.query<{ row_key: string; change_seq: string }>(
      `SELECT row_key, change_seq FROM sync_rows WHERE table_name = 'audit_log' AND origin_device = $1 LIMIT 1`,
      [bDevice],
    );
    const [benef] = await central.query<{ row_key: string; change_seq: string }>(`SELECT row_key, change_seq FROM sync_rows WHERE table_name = 'beneficiaries' LIMIT 1`);
    const aDevice = await deviceOf(a);
    const hw = Number((await central.query<{ high_water: string }>('SELECT high_water FROM sync_devices WHERE device_id = $1', [aDevice]))[0]!.high_water);
    const forged = (seq: number, table: string, key: string, baseSeq: number) => ({
      seq,
      table,
      key,
      op: 'upsert' as const,
      row: { id: key, forged: 'yes' },
      rowHash: 'forged',
      hlc: '999999999999999-0000000000-x',
      baseSeq,
    });
    const asA = connectCentral({ url: loginUrl('K01'), sslMode: 'disable' });
    try {
      const outcomes = await pushBatch(asA.db, {
        deviceId: aDevice,
        counterId: a.counterId,
        toSeq: hw + 2,
        changes: [
          // Even claiming to have seen B's audit entry: the trail is B's alone.
          forged(hw + 1, 'audit_log', audit!.row_key, Number(audit!.change_seq)),
          // A stale base for a shared record: the merge rule says "pull and merge first".
          forged(hw + 2, 'beneficiaries', benef!.row_key, Number(benef!.change_seq) - 1),
        ],
      });
      expect(outcomes.map((o) => o.status)).toEqual(['stale', 'stale']);
    } finally {
      await asA.close();
    }
    const after = await central.query<{ row_key: string; change_seq: string; origin_device: string }>(
      `SELECT row_key, change_seq, origin_device FROM sync_rows WHERE row_key = ANY($1)`,
      [[audit!.row_key, benef!.row_key]],
    );
    expect(after.map((r) => r.change_seq).sort()).toEqual([audit!.change_seq, benef!.change_seq].sort());
    expect(await central.query(`SELECT 1 FROM sync_changes WHERE row ->> 'forged' = 'yes'`)).toEqual([]);
  });
});
