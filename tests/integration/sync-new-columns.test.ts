/**
 * A counter's rows pushed before a migration added columns: the central copy lacks the keys (its
 * row hash too) while the counter holds them as null. The after-sync check then found the range
 * different on every run, re-pulled it and changed nothing. Now the counter sends its own such
 * rows once more, and the next runs find nothing different. Real SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { beneficiaryFixture } from '../support/fixtures';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { rowHash } from '../../main/sync/local-rows';
import { syncDb } from '../../main/sync/sync-db';
import type { Row } from '../../shared/sync/canonical';

let central: TestCentral;
let counter: TestCounter | undefined;
beforeAll(async () => {
  central = await startTestCentral(54334);
});
afterAll(async () => {
  await counter?.dispose();
  await central?.stop();
});

const lastRun = async (c: TestCounter) =>
  (await syncDb(c.core.db).selectFrom('sync_runs').select(['status', 'mismatches', 'detail']).orderBy('started_at', 'desc').limit(1).executeTakeFirstOrThrow());

describe('rows pushed before a migration added columns', () => {
  it('are sent again once by the counter that sent them, and the digests then agree', async () => {
    counter = await createTestCounter(central, 'K01');
    const s = counter.core.sessions.current()!;
    const id = (await counter.core.beneficiaries.create({ userId: s.user.id, counterId: s.counter.id, counterCode: 'K01' }, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
    expect(await counter.sync()).toMatchObject({ status: 'ok', mismatches: 0 });

    // As if pushed by this counter's previous version: two null columns absent from the central copy.
    const [found] = await central.query<{ row: Row }>(`SELECT c.row FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'beneficiaries' AND s.row_key = $1`, [id]);
    const absent = Object.entries(found!.row).filter(([, v]) => v === null).map(([k]) => k).slice(0, 2);
    expect(absent).toHaveLength(2);
    const older: Row = Object.fromEntries(Object.entries(found!.row).filter(([k]) => !absent.includes(k)));
    await central.query(`UPDATE sync_changes c SET row = $2::jsonb FROM sync_rows s WHERE s.change_seq = c.change_seq AND s.table_name = 'beneficiaries' AND s.row_key = $1`, [id, JSON.stringify(older)]);
    await central.query(`UPDATE sync_rows SET row_hash = $2 WHERE table_name = 'beneficiaries' AND row_key = $1`, [id, rowHash(older)]);

    // The check finds the range different and queues the row again instead of reporting it.
    expect(await counter.sync()).toMatchObject({ status: 'ok', mismatches: 1 });
    const found1 = await lastRun(counter);
    expect(found1.detail).toMatch(/re-sent with new columns beneficiaries\//);
    expect(found1.detail).not.toMatch(/still differs/);
    // Sent at the next run; the central copy has the columns again, and nothing differs after.
    expect(await counter.sync()).toMatchObject({ status: 'ok', mismatches: 0 });
    const [after] = await central.query<{ row: Row }>(`SELECT c.row FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'beneficiaries' AND s.row_key = $1`, [id]);
    for (const k of absent) expect(after!.row).toHaveProperty(k, null);
    expect(await counter.sync()).toMatchObject({ status: 'ok', mismatches: 0 });
    expect((await snapshot(counter)).beneficiaries).toEqual((await centralSnapshot(central, counter)).beneficiaries);
  }, 180_000);

  it('a row that differs in a value is not sent again by this check (it is re-pulled)', async () => {
    const c = counter!;
    const [row] = await central.query<{ k: string; row: Row }>(`SELECT s.row_key AS k, c.row FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'beneficiaries' LIMIT 1`);
    const changed: Row = { ...row!.row, notes: 'عدّلت في المركز' };
    await central.query(`UPDATE sync_changes c SET row = $2::jsonb FROM sync_rows s WHERE s.change_seq = c.change_seq AND s.table_name = 'beneficiaries' AND s.row_key = $1`, [row!.k, JSON.stringify(changed)]);
    await central.query(`UPDATE sync_rows SET row_hash = $2 WHERE table_name = 'beneficiaries' AND row_key = $1`, [row!.k, rowHash(changed)]);
    expect(await c.sync()).toMatchObject({ status: 'ok', mismatches: 1 });
    expect((await lastRun(c)).detail ?? '').not.toMatch(/re-sent/);
    const local = await c.core.db.selectFrom('beneficiaries').select('notes').where('id', '=', row!.k).executeTakeFirstOrThrow();
    expect(local.notes).toBe('عدّلت في المركز');
    expect(await c.sync()).toMatchObject({ status: 'ok', mismatches: 0 });
  }, 180_000);
});
