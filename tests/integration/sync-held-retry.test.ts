/**
 * Rows held back by a local constraint are tried again at every run, also when the central side
 * has nothing new for this counter: a row that fits now (after an upgrade such as migration 0016,
 * or a settlement made elsewhere) goes in and its queue entry closes, with no person involved.
 * Real SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestCentral } from '../support/sync-postgres';
import { createTestCounter, useSyncFleet } from '../support/sync-counters';
import { syncDb } from '../../main/sync/sync-db';

let central: TestCentral;
const counters = useSyncFleet(54336, (c) => (central = c));

describe('held rows', () => {
  it('go in at a run that pulls nothing, and their conflict closes', async () => {
    const [k01, k02] = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02')];
    counters.push(k01, k02);
    // K02 adds a service; it reaches the central store.
    const service = { key: 'legal', prefix: 'L', name_ar: 'استشارة قانونية', name_en: 'Legal advice', default_purpose: 'inquiry', sort_order: 9, active: 1 };
    await k02.core.db.insertInto('queue_services').values(service).execute();
    expect(await k02.sync()).toMatchObject({ status: 'ok' });
    expect(await k01.sync()).toMatchObject({ status: 'ok' });
    // As K01's pull had left it: the row held back by a local constraint since lifted, its queue
    // entry open, and the cursor past it (so no later page brings it again).
    const db = syncDb(k01.core.db);
    const [held] = await central.query<{ row: Record<string, unknown>; seq: string }>(
      `SELECT c.row, c.change_seq AS seq FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'queue_services' AND s.row_key = 'legal'`,
    );
    const at = new Date().toISOString();
    await k01.core.db.deleteFrom('queue_services').where('key', '=', 'legal').execute();
    await db.deleteFrom('sync_outbox').execute(); // that delete is the test's doing, not K01's
    await db.insertInto('sync_held').values({ table_name: 'queue_services', row_key: 'legal', central_seq: Number(held!.seq), row_json: JSON.stringify(held!.row), reason: 'unique', held_at: at }).execute();
    await db
      .insertInto('sync_conflicts')
      .values({ id: randomUUID(), kind: 'unique', table_name: 'queue_services', row_key: 'legal', field: null, detected_at: at, resolved_at: null, resolved_by: null, resolution: null, local_value: null, remote_value: null, other_key: null, remote_device: null })
      .execute();

    expect(await k01.sync()).toMatchObject({ status: 'ok', pulled: 0, mismatches: 0 });
    expect(await k01.core.db.selectFrom('queue_services').select(['key', 'name_ar']).where('key', '=', 'legal').execute()).toEqual([{ key: 'legal', name_ar: 'استشارة قانونية' }]);
    expect(await db.selectFrom('sync_held').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('sync_conflicts').select(['resolution']).where('row_key', '=', 'legal').execute()).toEqual([{ resolution: 'applied' }]);
  }, 120_000);
});
