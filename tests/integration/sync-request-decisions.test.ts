/**
 * Two counters decide the same support request before a sync (issue #8 review), through a real
 * central PostgreSQL:
 * - the same outcome on both: no conflict; every counter and the central copy end with that
 *   status and the EARLIEST decision's time (decision_ms equal to what the decisions' timestamps
 *   give, the report's decided_at), even when the later decider syncs first;
 * - different outcomes: the request waits in the conflict queue for a person (no silent
 *   last-writer-wins); both decisions are kept; the person's choice becomes the status everywhere
 *   and the request's latest decision, and the decision time stays the first decision's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, sharedTables, snapshot, type TestCounter, okOn as ok, submitRentRequest } from '../support/sync-counters';

import { recordConsent } from '../support/consent';
import { actorOf, adminId, createBeneficiary } from '../support/sync-ops';
import { listConflicts, resolveConflict } from '../../main/sync/conflicts';
import { syncDb } from '../../main/sync/sync-db';
import type { RequestView } from '../../shared/requests/schemas';

let central: TestCentral;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  central = await startTestCentral(54372);
  a = await createTestCounter(central, 'K01');
  b = await createTestCounter(central, 'K02');
}, 120_000);
afterAll(async () => {
  for (const c of [a, b]) await c?.dispose();
  await central?.stop();
});

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function syncAll(order: TestCounter[], rounds = 2) {
  for (let r = 0; r < rounds; r++) for (const c of order) expect((await c.sync()).status).toBe('ok');
}

/** A request submitted at K01 and known to both counters. */
async function submittedRequest(n: number): Promise<string> {
  const beneficiaryId = (await createBeneficiary(a, n)).id;
  await recordConsent(a.core as never, beneficiaryId);
  const r = await submitRentRequest(a, beneficiaryId);
  await syncAll([a, b], 1);
  return r.id;
}

/** The stored decision time, what the counter's decision rows give (the report's decided_at), the status. */
async function state(c: TestCounter, id: string) {
  return (
    await sql<{ status: string; ms: number | null; decidedAt: string | null; fromTimestamps: number | null }>`SELECT r.status, r.decision_ms AS ms,
      (SELECT MIN(d.created_at) FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at) AS decidedAt,
      CAST(ROUND((unixepoch((SELECT MIN(d.created_at) FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at), 'subsec')
        - unixepoch(r.submitted_at, 'subsec')) * 1000) AS INTEGER) AS fromTimestamps
      FROM support_requests r WHERE r.id = ${id}`.execute(c.core.db)
  ).rows[0]!;
}

async function centralRequest(id: string) {
  const rows = await central.query<{ status: string; ms: string | null }>(
    `SELECT c.row ->> 'status' AS status, c.row ->> 'decision_ms' AS ms FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'support_requests' AND s.row_key = $1`,
    [id],
  );
  return rows[0]!;
}

async function decisions(c: TestCounter, id: string) {
  return c.core.db.selectFrom('request_decisions').select(['id', 'decision', 'created_at']).where('request_id', '=', id).orderBy('created_at').orderBy('id').execute();
}

async function converged() {
  const shared = sharedTables(await centralSnapshot(central));
  for (const c of [a, b]) expect(sharedTables(await snapshot(c))).toEqual(shared);
}

describe('one request decided on two counters before a sync', () => {
  it('same outcome: no conflict, and everyone keeps the earliest decision time even when the later decider syncs first', async () => {
    const id = await submittedRequest(11);
    await pause(30);
    await ok(a, 'requests:decide', { id, decision: 'accept', reason: 'مستحق حسب الدراسة' });
    await pause(40);
    await ok(b, 'requests:decide', { id, decision: 'accept', reason: 'مستحق' });
    const first = await state(a, id);
    const later = await state(b, id);
    expect(later.ms! - first.ms!).toBeGreaterThanOrEqual(40);

    await syncAll([b, a, b]); // the later decision reaches the central copy first

    for (const c of [a, b]) {
      expect(await listConflicts(syncDb(c.core.db))).toEqual([]);
      const s = await state(c, id);
      expect(s).toEqual({ status: 'accepted', ms: first.ms, decidedAt: first.decidedAt, fromTimestamps: first.ms });
      expect((await decisions(c, id)).map((d) => d.decision)).toEqual(['accept', 'accept']);
    }
    expect(await centralRequest(id)).toEqual({ status: 'accepted', ms: String(first.ms) });
    await converged();
  }, 240_000);

  it('different outcomes: queued for a person, nothing lost, and the choice becomes the status and the latest decision everywhere', async () => {
    const id = await submittedRequest(12);
    await pause(30);
    await ok(a, 'requests:decide', { id, decision: 'accept', reason: 'مستحق' });
    await pause(40);
    await ok(b, 'requests:decide', { id, decision: 'reject', reason: 'الدخل يتجاوز الحد' });
    const first = await state(a, id);

    await syncAll([a, b]);

    // K02 merged K01's accepted request into its own rejection: the central outcome is in place
    // there too, and K02's outcome waits for a person; neither is chosen by a stamp.
    const queued = (await listConflicts(syncDb(b.core.db))).filter((c) => c.table === 'support_requests');
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'field', rowKey: id, field: 'status', localValue: '"rejected"', remoteValue: '"accepted"' });
    expect(queued[0]!.label).toMatch(/^R-\d{4}-K01-\d+ — نورة /); // the request's reference and beneficiary, not its key
    expect(await listConflicts(syncDb(a.core.db))).toEqual([]);
    for (const c of [a, b]) {
      expect(await state(c, id)).toEqual({ status: 'accepted', ms: first.ms, decidedAt: first.decidedAt, fromTimestamps: first.ms });
      expect((await decisions(c, id)).map((d) => d.decision)).toEqual(['accept', 'reject']);
    }
    await converged();

    // The person at K02 confirms the rejection.
    await resolveConflict({ db: syncDb(b.core.db), clock: b.core.clock, newId: b.core.newId }, actorOf(b, await adminId(b)), queued[0]!.id, 'local');
    expect(await listConflicts(syncDb(b.core.db))).toEqual([]);
    await syncAll([b, a]);
    for (const c of [a, b]) {
      const s = await state(c, id);
      expect(s).toEqual({ status: 'rejected', ms: first.ms, decidedAt: first.decidedAt, fromTimestamps: first.ms });
      const ds = await decisions(c, id);
      // Both committee decisions kept, and the chosen outcome recorded last (the reports' "outcome").
      expect(ds.map((d) => d.decision)).toEqual(['accept', 'reject', 'reject']);
      const view = await ok<RequestView>(c, 'requests:get', { id });
      expect(view.status).toBe('rejected');
      expect(view.decisions.at(-1)).toMatchObject({ decision: 'reject', reason: 'الدخل يتجاوز الحد' });
      expect(await listConflicts(syncDb(c.core.db))).toEqual([]);
    }
    expect(await centralRequest(id)).toEqual({ status: 'rejected', ms: String(first.ms) });
    await converged();
  }, 240_000);

  it('different outcomes, the central one chosen: it stays, and is recorded as the latest decision everywhere', async () => {
    const id = await submittedRequest(13);
    await pause(30);
    await ok(b, 'requests:decide', { id, decision: 'request_info', reason: 'ينقص عقد الإيجار' });
    await pause(40);
    await ok(a, 'requests:decide', { id, decision: 'accept', reason: 'مستحق' });
    const first = await state(b, id);
    await syncAll([b, a]); // K02's request for more information reaches the central copy first

    const queued = await listConflicts(syncDb(a.core.db));
    expect(queued.map((c) => [c.rowKey, c.field, c.localValue, c.remoteValue])).toEqual([[id, 'status', '"accepted"', '"more_info_needed"']]);
    await resolveConflict({ db: syncDb(a.core.db), clock: a.core.clock, newId: a.core.newId }, actorOf(a, await adminId(a)), queued[0]!.id, 'remote');
    await syncAll([a, b]);
    for (const c of [a, b]) {
      expect(await state(c, id)).toEqual({ status: 'more_info_needed', ms: first.ms, decidedAt: first.decidedAt, fromTimestamps: first.ms });
      expect((await decisions(c, id)).map((d) => d.decision)).toEqual(['request_info', 'accept', 'request_info']);
      expect((await ok<RequestView>(c, 'requests:get', { id })).decisions.at(-1)).toMatchObject({ decision: 'request_info', reason: 'ينقص عقد الإيجار' });
      expect(await listConflicts(syncDb(c.core.db))).toEqual([]);
    }
    await converged();
  }, 240_000);
});
