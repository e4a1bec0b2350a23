/**
 * The waiting and service times stored on queue tickets (migration 0009) travel with the ticket:
 * queue_tickets is push-only (registry in main/sync/synced-tables.ts), rows are read from the live
 * schema, so the central copy carries the new columns with the values the counter computed, and
 * the after-sync digest check finds nothing different.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { call, TEST_ADMIN } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';
import { riyadhDay } from '../../shared/calls/riyadh-day';

let central: TestCentral;
let counter: TestCounter | undefined;
// The ticket flow runs 16 minutes on a clock in the past, inside one Riyadh day (tickets and their
// queue are per day); the sync itself runs on the real time (it refuses a clock 5 minutes off).
const FLOW_MS = 16 * 60_000;
const flowStart = (real: number) => (riyadhDay(new Date(real - FLOW_MS)) === riyadhDay(new Date(real)) ? real - FLOW_MS : real - 4 * FLOW_MS);
let now = new Date(flowStart(Date.now()));
const clock = { now: () => now };

beforeAll(async () => {
  central = await startTestCentral(54339);
});
afterAll(async () => {
  await counter?.dispose();
  await central?.stop();
});

describe('stored ticket times and sync', () => {
  it('reach the central copy with the counter’s values, and the digests agree', async () => {
    counter = await createTestCounter(central, 'K01', { clock });
    const core = counter.core;
    const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
      const r = await call(core as never, channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    const advance = async (ms: number) => {
      now = new Date(now.getTime() + ms);
      await call(core as never, 'auth:signIn', { username: 'admin-k01', password: TEST_ADMIN.password });
    };
    const s = core.sessions.current()!;
    const beneficiaryId = (await core.beneficiaries.create({ userId: s.user.id, counterId: s.counter.id, counterCode: 'K01' }, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
    const served = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'support' });
    const called = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'inquiry' });
    await advance(4 * 60_000 + 123);
    await ok('walkIns:callNext', {});
    const visit = await ok<VisitView>('walkIns:openVisit', { ticketId: served.id, beneficiaryId });
    await advance(11 * 60_000 + 7);
    await ok('walkIns:endVisit', { id: visit.id });
    await ok('walkIns:callNext', {});
    now = new Date();
    const run = await counter.sync();
    expect(run, JSON.stringify(run)).toMatchObject({ status: 'ok' });

    const rows = await central.query<{ k: string; wait: string | null; service: string | null }>(
      `SELECT s.row_key AS k, c.row ->> 'wait_ms' AS wait, c.row ->> 'service_ms' AS service
       FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'queue_tickets' ORDER BY s.row_key`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.k, [r.wait, r.service]]))).toEqual({
      [served.id]: [String(4 * 60_000 + 123), String(11 * 60_000 + 7)],
      [called.id]: [String(4 * 60_000 + 123 + 11 * 60_000 + 7), null],
    });
    expect((await snapshot(counter)).queue_tickets).toEqual((await centralSnapshot(central, counter)).queue_tickets);
  }, 120_000);
});
