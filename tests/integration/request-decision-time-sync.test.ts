/**
 * The decision time stored on support requests (migration 0014) travels with the request:
 * support_requests is merged field by field (main/sync/synced-tables.ts) and rows are read from the
 * live schema, so the central copy and the other counters carry decision_ms with the value the
 * deciding counter computed, and it equals what the synced timestamps give on every counter.
 * Here the request is submitted at K01 and decided by the committee at K02.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, sharedTables, snapshot, type TestCounter, okOn as ok, useSyncFleet, submitRentRequest } from '../support/sync-counters';

import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';

let central: TestCentral;
const counters = useSyncFleet(54335, (c) => (central = c));


/** decision_ms and what the counter's own request and decision rows give. */
async function stored(c: TestCounter, id: string) {
  return (
    await sql<{ ms: number | null; fromTimestamps: number | null }>`SELECT r.decision_ms AS ms,
      CAST(ROUND((unixepoch((SELECT MIN(d.created_at) FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at), 'subsec')
        - unixepoch(r.submitted_at, 'subsec')) * 1000) AS INTEGER) AS fromTimestamps
      FROM support_requests r WHERE r.id = ${id}`.execute(c.core.db)
  ).rows[0]!;
}

describe('stored decision time and sync', () => {
  it('reaches the central copy and the other counter with the deciding counter’s value', async () => {
    const [a, b] = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02')];
    counters.push(a, b);
    const s = a.core.sessions.current()!;
    const beneficiaryId = (await a.core.beneficiaries.create({ userId: s.user.id, counterId: s.counter.id, counterCode: 'K01' }, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
    await recordConsent(a.core as never, beneficiaryId);
    const r = await submitRentRequest(a, beneficiaryId);
    expect((await a.sync()).status).toBe('ok');
    expect((await b.sync()).status).toBe('ok');
    expect(await stored(b, r.id)).toEqual({ ms: null, fromTimestamps: null });

    await new Promise((done) => setTimeout(done, 25)); // a decision some milliseconds after the submission
    await ok(b, 'requests:decide', { id: r.id, decision: 'accept', reason: 'مستحق' });
    const atB = await stored(b, r.id);
    expect(atB.ms).toBeGreaterThanOrEqual(25);
    expect(atB.ms).toBe(atB.fromTimestamps);
    expect((await b.sync()).status).toBe('ok');
    expect((await a.sync()).status).toBe('ok');

    const centralRow = await central.query<{ ms: string | null }>(
      `SELECT c.row ->> 'decision_ms' AS ms FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'support_requests' AND s.row_key = $1`,
      [r.id],
    );
    expect(centralRow.map((x) => x.ms)).toEqual([String(atB.ms)]);
    expect(await stored(a, r.id)).toEqual(atB);
    expect(sharedTables(await snapshot(a)).support_requests).toEqual(sharedTables(await centralSnapshot(central)).support_requests);
  }, 180_000);
});
