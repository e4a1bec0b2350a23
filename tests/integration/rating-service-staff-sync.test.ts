/**
 * The service and staff member stored on the satisfaction rating (migration 0015) travel with the
 * rating: satisfaction_ratings is synchronised whole-row and rows are read from the live schema, so
 * the central copy and the other counters carry the values the rating counter computed. That
 * counter is the only one that can: tickets never leave their counter, so elsewhere the old joins
 * put every rating under "no service". A rating from a counter without 0015 (no such columns in its
 * row) still counts everywhere, through the joins. And the migration's backfill, queued at the
 * rows' own times, never undoes an edit made meanwhile at another counter (an erasure's cleared
 * comment), where an ordinary captured update would.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, sharedTables, snapshot, type TestCounter, okOn as ok, useSyncFleet } from '../support/sync-counters';

import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { nationalId } from '../support/sync-ops';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';
import type { ReportTable } from '../../shared/reports/schemas';
import { createReportService } from '../../main/reports/report-service';
import { ORGANISATION_DEFAULTS } from '../../main/setup/organisation-defaults';
import { riyadhDay } from '../../shared/calls/riyadh-day';
import { fillRatingServiceStaff } from '../../main/db/migrations/0015-rating-service-staff';
import type { Kysely } from 'kysely';

let central: TestCentral;
const counters = useSyncFleet(54334, (c) => (central = c));
let people = 0;
/** A different person each time (ID, mobile, birth year): a duplicate would wait or be refused. */
const person = () => {
  const n = 700 + ++people;
  return beneficiaryInput.parse(beneficiaryFixture({ idNumber: nationalId(n), mobile: `05${String(50000000 + n).slice(-8)}`, birthDate: { calendar: 'gregorian', value: `${1960 + people}-05-21` } }));
};


async function synced(c: TestCounter) {
  const run = await c.sync();
  expect(run, JSON.stringify(run)).toMatchObject({ status: 'ok' });
  return run;
}

/** A beneficiary registered at this counter, served on a ticket of `service` (or none), then rated. */
async function servedAndRated(c: TestCounter, service: string | null, rating: number): Promise<VisitView> {
  const s = c.core.sessions.current()!;
  const beneficiaryId = (await c.core.beneficiaries.create({ userId: s.user.id, counterId: s.counter.id, counterCode: c.code }, person(), [])).id;
  await recordConsent(c.core as never, beneficiaryId);
  let ticketId: string | null = null;
  if (service) {
    ticketId = (await ok<TicketView>(c, 'walkIns:takeTicket', { serviceKey: service })).id;
    expect((await ok<TicketView>(c, 'walkIns:callNext', {})).id).toBe(ticketId);
  }
  const visit = await ok<VisitView>(c, 'walkIns:openVisit', { ticketId, beneficiaryId });
  await ok(c, 'walkIns:endVisit', { id: visit.id });
  await ok(c, 'walkIns:rate', { visitId: visit.id, rating, comment: 'الموظف متعاون' });
  return visit;
}

const stored = async (c: TestCounter, visitId: string) =>
  (await sql<{ service_key: string | null; staff_id: string | null; comment: string | null }>`SELECT service_key, staff_id, comment FROM satisfaction_ratings WHERE visit_id = ${visitId}`.execute(c.core.db)).rows[0];

async function report(c: TestCounter, id: 'satisfactionByService' | 'satisfactionByStaff') {
  const day = riyadhDay(new Date());
  const service = createReportService({ db: c.core.db, clock: { now: () => new Date() }, organisation: async () => ({ ...ORGANISATION_DEFAULTS, logoPng: null }) });
  const t: ReportTable = (await service.run({ from: day, to: day, counterId: null }, [id])).tables[0]!;
  return { rows: Object.fromEntries(t.rows.map((r) => [r.key, r.values[0]])), total: t.total?.[0] };
}

describe('stored rating service and staff, and sync', () => {
  it('reach the central copy and the other counter, which now tells the service too', async () => {
    const [a, b] = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02')];
    counters.push(a, b);
    const visit = await servedAndRated(b, 'documents', 5);
    const staffB = b.core.sessions.current()!.user.id;
    expect(await stored(b, visit.id)).toEqual({ service_key: 'documents', staff_id: staffB, comment: 'الموظف متعاون' });
    await synced(b);
    await synced(a);

    const centralRow = await central.query<{ service_key: string | null; staff_id: string | null }>(
      `SELECT c.row ->> 'service_key' AS service_key, c.row ->> 'staff_id' AS staff_id FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq
       WHERE s.table_name = 'satisfaction_ratings' AND c.row ->> 'visit_id' = $1`,
      [visit.id],
    );
    expect(centralRow).toEqual([{ service_key: 'documents', staff_id: staffB }]);
    expect(await stored(a, visit.id)).toEqual(await stored(b, visit.id));
    // K01 holds the visit but not K02's ticket: the service comes from the rating.
    expect(await a.core.db.selectFrom('queue_tickets').select('id').where('id', '=', visit.ticketId!).executeTakeFirst()).toBeUndefined();
    expect(await report(a, 'satisfactionByService')).toEqual({ rows: { documents: 1 }, total: 1 });
    expect(await report(a, 'satisfactionByStaff')).toEqual({ rows: { [staffB]: 1 }, total: 1 });
    expect(sharedTables(await snapshot(a)).satisfaction_ratings).toEqual(sharedTables(await centralSnapshot(central)).satisfaction_ratings);
  }, 180_000);

  it('the backfill, queued at the rows’ own times, loses to an erasure made meanwhile at another counter', async () => {
    const [a, b] = counters;
    const visit = await servedAndRated(a!, null, 4);
    await synced(a!);
    await synced(b!);
    // K01 as just before 0015: the columns not filled yet (nothing captured).
    const asBefore = async () => {
      await sql`UPDATE sync_control SET applying = 1`.execute(a!.core.db);
      await sql`UPDATE satisfaction_ratings SET service_key = NULL, staff_id = NULL WHERE visit_id = ${visit.id}`.execute(a!.core.db);
      await sql`UPDATE sync_control SET applying = 0`.execute(a!.core.db);
    };
    const erasedAtK02 = async () => {
      await new Promise((done) => setTimeout(done, 5));
      await sql`UPDATE satisfaction_ratings SET comment = NULL, updated_at = ${new Date().toISOString()} WHERE visit_id = ${visit.id}`.execute(b!.core.db);
      await synced(b!);
    };
    const centralComment = async () =>
      (
        await central.query<{ comment: string | null }>(
          `SELECT c.row ->> 'comment' AS comment FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'satisfaction_ratings' AND c.row ->> 'visit_id' = $1`,
          [visit.id],
        )
      )[0]!.comment;

    // The comment is erased at K02 while K01 migrates before pulling: the erasure stays.
    await asBefore();
    await erasedAtK02();
    await fillRatingServiceStaff(a!.core.db as unknown as Kysely<unknown>);
    await synced(a!);
    expect(await centralComment()).toBeNull();
    const staffA = a!.core.sessions.current()!.user.id;
    expect(await stored(a!, visit.id)).toEqual({ service_key: null, staff_id: staffA, comment: null });

    // The same with an ordinary captured update (a stamp of now) would bring the comment back.
    await sql`UPDATE satisfaction_ratings SET comment = 'الموظف متعاون' WHERE visit_id = ${visit.id}`.execute(b!.core.db);
    await synced(b!);
    await synced(a!);
    await asBefore();
    await erasedAtK02();
    await sql`UPDATE satisfaction_ratings SET staff_id = ${staffA} WHERE visit_id = ${visit.id}`.execute(a!.core.db);
    await synced(a!);
    expect(await centralComment()).toBe('الموظف متعاون');
  }, 180_000);
  // A pulled batch then mixes rows without the columns and rows with them; each keeps its own
  // (tests/integration/sync-upsert-rows.test.ts).
  it('count a rating from a counter without migration 0015 (no such columns) through the joins', async () => {
    const [a] = counters;
    const old = await createTestCounter(central, 'K03');
    counters.push(old);
    // K03 runs a version before 0015: its table has no such columns, and its writer none to fill.
    for (const name of ['satisfaction_report', 'satisfaction_unfilled']) await sql`DROP INDEX ${sql.ref(name)}`.execute(old.core.db);
    for (const col of ['service_key', 'staff_id']) await sql`ALTER TABLE satisfaction_ratings DROP COLUMN ${sql.ref(col)}`.execute(old.core.db);
    const s = old.core.sessions.current()!;
    const beneficiaryId = (await old.core.beneficiaries.create({ userId: s.user.id, counterId: s.counter.id, counterCode: 'K03' }, person(), [])).id;
    await recordConsent(old.core as never, beneficiaryId);
    const ticket = await ok<TicketView>(old, 'walkIns:takeTicket', { serviceKey: 'support' });
    await ok(old, 'walkIns:callNext', {});
    const visit = await ok<VisitView>(old, 'walkIns:openVisit', { ticketId: ticket.id, beneficiaryId });
    const at = new Date().toISOString();
    await sql`INSERT INTO satisfaction_ratings (id, created_at, updated_at, created_by, counter_id, deleted_at, visit_id, beneficiary_id, rating, comment)
      VALUES (${crypto.randomUUID()}, ${at}, ${at}, ${s.user.id}, ${s.counter.id}, NULL, ${visit.id}, ${beneficiaryId}, 2, NULL)`.execute(old.core.db);
    await synced(old);
    const centralRow = await central.query<{ keys: string[] }>(
      `SELECT ARRAY(SELECT jsonb_object_keys(c.row)) AS keys FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq
       WHERE s.table_name = 'satisfaction_ratings' AND c.row ->> 'visit_id' = $1`,
      [visit.id],
    );
    expect(centralRow[0]!.keys).not.toContain('staff_id');

    await synced(a!);
    expect(await stored(a!, visit.id)).toEqual({ service_key: null, staff_id: null, comment: null });
    // Counted at K01: under K03's staff member (the visit travelled), with no service (the ticket did not).
    // With K02's rating (documents) and K01's own without a ticket from the tests before.
    expect(await report(a!, 'satisfactionByStaff')).toMatchObject({ rows: { [s.user.id]: 1 }, total: 3 });
    expect(await report(a!, 'satisfactionByService')).toEqual({ rows: { documents: 1, __none: 2 }, total: 3 });
  }, 180_000);

});
