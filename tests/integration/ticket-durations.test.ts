/**
 * Waiting and service times stored on the queue ticket (migration 0009): written with the status
 * change, always equal to what the ticket's own timestamps give, backfilled on an existing file,
 * read by the reports through their covering indexes, and the reports' figures still exactly the
 * nearest-rank definition computed from the timestamps.
 *
 * The walk-in status rules (main/walk-ins): waiting → called (callNext) → serving (openVisit) →
 * done (endVisit); a waiting ticket may be opened directly (it is called at that moment); waiting
 * or called → no_show. There is no recall or transfer: a ticket leaves "waiting" once, and opening
 * an already-called ticket keeps its first call time, which the tests below check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { call, createTestCore, TEST_ADMIN } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { nearestRank } from '../../shared/reports/percentile';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';
import type { ReportRun, ReportTable } from '../../shared/reports/schemas';
import { openDatabase } from '../../main/db/open-database';
import { migrateOnToLatest, migrateToJustBefore } from '../support/migrate-around';
import { ensureSync } from '../../main/sync/ensure-sync';
import { columnStats } from '../../main/reports/stats-sql';

let now = new Date('2026-06-01T05:00:00Z');
const clock = { now: () => now };
let core: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
const MIN = 60_000;
const tmp = makeTempDir();

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Moves the clock by `ms`; a long move would end an idle session, so sign in again as staff would. */
async function advance(ms: number) {
  now = new Date(now.getTime() + ms);
  await call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
}

interface Ticket {
  status: string;
  arrived_at: string;
  called_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  wait_ms: number | null;
  service_ms: number | null;
  day: string;
}

async function tickets(day?: string): Promise<Ticket[]> {
  let q = core.db.selectFrom('queue_tickets').select(['status', 'arrived_at', 'called_at', 'started_at', 'ended_at', 'wait_ms', 'service_ms', 'day']).where('deleted_at', 'is', null);
  if (day) q = q.where('day', '=', day);
  return q.execute();
}

const diff = (a: string, b: string) => Date.parse(b) - Date.parse(a);
/** What the timestamps say, by the reports' own definitions. */
const waitOf = (t: Ticket) => (t.called_at ? diff(t.arrived_at, t.called_at) : null);
const serviceOf = (t: Ticket) => (t.status === 'done' && t.started_at && t.ended_at ? diff(t.started_at, t.ended_at) : null);

async function report(day: string, id: string): Promise<ReportTable> {
  const run = await ok<ReportRun>('reports:run', { range: { from: day, to: day }, reports: [id] });
  return run.tables[0]!;
}

beforeAll(async () => {
  core = await createTestCore({ clock });
  const s = core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  beneficiaryId = (await core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  tmp.cleanup();
});

describe('stored waiting and service times', () => {
  it('are written with each status change and equal what the timestamps give', async () => {
    const a = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'support' });
    await advance(2 * MIN + 337);
    const b = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'inquiry' });
    const c = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'documents' });
    const d = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'documents' });
    const row = async (id: string) => (await core.db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    expect(await row(a.id)).toMatchObject({ wait_ms: null, service_ms: null });

    // Called: the wait is stored with the call.
    await advance(61_009);
    expect((await ok<TicketView>('walkIns:callNext', {})).id).toBe(a.id);
    expect(await row(a.id)).toMatchObject({ wait_ms: 2 * MIN + 337 + 61_009, service_ms: null });
    // Opening the called ticket later keeps the first call time and its wait.
    await advance(45_001);
    const va = await ok<VisitView>('walkIns:openVisit', { ticketId: a.id, beneficiaryId });
    expect(await row(a.id)).toMatchObject({ status: 'serving', wait_ms: 2 * MIN + 337 + 61_009, service_ms: null });
    await advance(7 * MIN + 1);
    await ok('walkIns:endVisit', { id: va.id });
    expect(await row(a.id)).toMatchObject({ status: 'done', service_ms: 7 * MIN + 1 });
    // Ending again changes nothing.
    await advance(5_000);
    await ok('walkIns:endVisit', { id: va.id });
    expect(await row(a.id)).toMatchObject({ status: 'done', service_ms: 7 * MIN + 1 });

    // Opened straight from the queue: called at that moment, so the wait ends there.
    const vb = await ok<VisitView>('walkIns:openVisit', { ticketId: b.id, beneficiaryId });
    const rb = await row(b.id);
    expect(rb.wait_ms).toBe(diff(rb.arrived_at, rb.called_at!));
    expect(rb.called_at).toBe(rb.started_at);
    await advance(999);
    await ok('walkIns:endVisit', { id: vb.id });
    expect((await row(b.id)).service_ms).toBe(999);

    // Called, then a no-show: the wait counts (as it always did), there is no service time.
    expect((await ok<TicketView>('walkIns:callNext', {})).id).toBe(c.id);
    await advance(3 * MIN);
    await ok('walkIns:noShow', { ticketId: c.id });
    const rc = await row(c.id);
    expect(rc).toMatchObject({ status: 'no_show', service_ms: null });
    expect(rc.wait_ms).toBe(diff(rc.arrived_at, rc.called_at!));
    // A no-show straight from the queue was never called: neither time.
    await ok('walkIns:noShow', { ticketId: d.id });
    expect(await row(d.id)).toMatchObject({ status: 'no_show', wait_ms: null, service_ms: null });
    // A finished or absent ticket cannot be opened again, so its times cannot be rewritten.
    expect((await call(core, 'walkIns:openVisit', { ticketId: a.id, beneficiaryId })).ok).toBe(false);
    expect((await call(core, 'walkIns:openVisit', { ticketId: d.id, beneficiaryId })).ok).toBe(false);

    for (const t of await tickets()) expect([t.wait_ms, t.service_ms]).toEqual([waitOf(t), serviceOf(t)]);
  });

  it('give the reports exactly the nearest-rank figures the timestamps give, on random days', async () => {
    const fate = fc.constantFrom('waiting', 'noShowWaiting', 'called', 'noShowCalled', 'servedViaCall', 'servedDirect', 'serving');
    // At most 10 × 105 minutes from Riyadh midnight: a run never crosses into the next day.
    const plan = fc.array(fc.record({ fate, gap: fc.integer({ min: 0, max: 3 * MIN }), wait: fc.integer({ min: 0, max: 65 * MIN }), open: fc.integer({ min: 0, max: 2 * MIN }), service: fc.integer({ min: 0, max: 35 * MIN }) }), {
      minLength: 1,
      maxLength: 10,
    });
    let dayMs = Date.parse('2026-06-30T21:00:00.001Z');
    await fc.assert(
      fc.asyncProperty(plan, async (steps) => {
        dayMs += 86_400_000;
        now = new Date(dayMs);
        await advance(0);
        const day = new Date(dayMs + 3 * 3600_000).toISOString().slice(0, 10);
        // Tickets left waiting are taken last, so "call next" always calls the ticket in hand.
        const ordered = [...steps.filter((s) => s.fate !== 'waiting'), ...steps.filter((s) => s.fate === 'waiting')];
        for (const s of ordered) {
          await advance(s.gap);
          const t = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'support' });
          if (s.fate === 'waiting') continue;
          if (s.fate === 'noShowWaiting') {
            await ok('walkIns:noShow', { ticketId: t.id });
            continue;
          }
          await advance(s.wait);
          if (s.fate !== 'servedDirect') expect((await ok<TicketView>('walkIns:callNext', {})).id).toBe(t.id);
          if (s.fate === 'called') continue;
          if (s.fate === 'noShowCalled') {
            await advance(s.open);
            await ok('walkIns:noShow', { ticketId: t.id });
            continue;
          }
          await advance(s.open);
          const v = await ok<VisitView>('walkIns:openVisit', { ticketId: t.id, beneficiaryId });
          await advance(s.service);
          if (s.fate !== 'serving') await ok('walkIns:endVisit', { id: v.id });
        }
        const rows = await tickets(day);
        for (const t of rows) expect([t.wait_ms, t.service_ms]).toEqual([waitOf(t), serviceOf(t)]);
        for (const [id, of] of [['waitingDistribution', waitOf], ['serviceDistribution', serviceOf]] as const) {
          const values = rows.map(of).filter((v): v is number => v !== null);
          const r = await report(day, id);
          const summary = Object.fromEntries(r.summary.map((x) => [x.key, x.value]));
          const minutes = (v: number | null) => (v === null ? null : Math.round((v / MIN) * 10) / 10);
          expect(summary).toEqual({
            count: values.length,
            avg: values.length ? minutes(values.reduce((x, y) => x + y, 0) / values.length) : null,
            p50: minutes(nearestRank(values, 50)),
            p90: minutes(nearestRank(values, 90)),
            max: values.length ? minutes(Math.max(...values)) : null,
          });
          const bucket = (lo: number, hi: number | null) => values.filter((v) => v >= lo * MIN && (hi === null || v < hi * MIN)).length;
          expect(r.rows.map((x) => x.values[0])).toEqual([bucket(0, 5), bucket(5, 10), bucket(10, 15), bucket(15, 30), bucket(30, 60), bucket(60, null)]);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('columnStats equals the definition on values crowded at the bucket bounds, negative and repeated', async () => {
    await sql`CREATE TABLE IF NOT EXISTS cs_values (d TEXT, v INTEGER)`.execute(core.db);
    const bounds = [0, 5, 10, 15, 30, 60].map((m) => m * MIN);
    const buckets = [['a', 0, 5 * MIN], ['b', 5 * MIN, 10 * MIN], ['c', 10 * MIN, 15 * MIN], ['d', 15 * MIN, 30 * MIN], ['e', 30 * MIN, 60 * MIN], ['f', 60 * MIN, null]] as const;
    const value = fc.oneof(fc.constantFrom(...bounds).chain((b) => fc.integer({ min: b - 2, max: b + 2 })), fc.integer({ min: -5 * MIN, max: 90 * MIN }));
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 80 }), async (values) => {
        await sql`DELETE FROM cs_values`.execute(core.db);
        await sql`INSERT INTO cs_values (d, v) SELECT 'x', value FROM json_each(${JSON.stringify(values)})`.execute(core.db);
        await sql`INSERT INTO cs_values (d, v) VALUES ('other', 1), ('other', 99999999)`.execute(core.db);
        const s = await columnStats(core.db, sql`FROM cs_values t WHERE t.d = 'x'`, sql.ref('t.v'), buckets);
        const count = (lo: number, hi: number | null) => values.filter((v) => v >= lo && (hi === null || v < hi)).length;
        expect(s).toEqual({
          n: values.length,
          avg: values.length ? expect.closeTo(values.reduce((x, y) => x + y, 0) / values.length, 6) : null,
          p50: nearestRank(values, 50),
          p90: nearestRank(values, 90),
          max: values.length ? Math.max(...values) : null,
          buckets: Object.fromEntries(buckets.map(([k, lo, hi]) => [k, count(lo, hi)])),
        });
      }),
      { numRuns: 150 },
    );
    await sql`DROP TABLE cs_values`.execute(core.db);
  });

  it('are read through the covering indexes of migration 0009', async () => {
    const plan = async (col: 'wait_ms' | 'service_ms', counter: boolean) =>
      JSON.stringify(
        (
          await sql`EXPLAIN QUERY PLAN SELECT COUNT(*), AVG(${sql.ref(col)}) FROM queue_tickets t
            WHERE t.deleted_at IS NULL AND ${sql.ref(`t.${col}`)} IS NOT NULL AND t.day >= '2026-01-01' AND t.day <= '2026-12-31' ${counter ? sql`AND +t.counter_id = 'x'` : sql``}`.execute(core.db)
        ).rows,
      );
    for (const counter of [false, true]) {
      expect(await plan('wait_ms', counter)).toContain('COVERING INDEX queue_tickets_wait');
      expect(await plan('service_ms', counter)).toContain('COVERING INDEX queue_tickets_service');
    }
  });
});

describe('migration 0009', () => {
  it('backfills an existing file from the timestamps and queues each changed ticket once for sync', async () => {
    const file = join(tmp.dir, 'old.sqlite');
    let db = openDatabase(file);
    await migrateToJustBefore(db, '0009-ticket-durations');
    await ensureSync(db);
    const rec = (id: string, status: string, arrived: string, called: string | null, started: string | null, ended: string | null) => ({
      id, created_at: arrived, updated_at: arrived, created_by: 'u', counter_id: 'c', service_key: 'support', day: arrived.slice(0, 10), number: Number(id.slice(1)),
      label: id, status, arrived_at: arrived, called_at: called, called_by: called ? 'u' : null, started_at: started, ended_at: ended, visit_id: null,
    });
    const old = [
      rec('t1', 'done', '2026-03-01T05:00:00.123Z', '2026-03-01T05:05:00.123Z', '2026-03-01T05:05:00.123Z', '2026-03-01T05:17:31.999Z'),
      rec('t2', 'serving', '2026-03-01T05:01:59.999Z', '2026-03-01T05:02:00.001Z', '2026-03-01T05:09:00.000Z', null),
      rec('t3', 'no_show', '2026-03-01T05:03:00.500Z', '2026-03-01T06:03:00.499Z', null, '2026-03-01T06:10:00.000Z'),
      rec('t4', 'no_show', '2026-03-01T05:04:00.000Z', null, null, '2026-03-01T05:30:00.000Z'),
      rec('t5', 'waiting', '2026-03-01T05:05:00.000Z', null, null, null),
      rec('t6', 'called', '2026-02-28T23:59:59.999Z', '2026-03-01T00:00:00.000Z', null, null),
    ];
    await sql`INSERT INTO queue_tickets (${sql.join(Object.keys(old[0]!).map((k) => sql.ref(k)))})
      SELECT ${sql.join(Object.keys(old[0]!).map((k) => sql.raw(`value ->> '$.${k}'`)))} FROM json_each(${JSON.stringify(old)})`.execute(db);
    await sql`DELETE FROM sync_outbox`.execute(db); // as if already pushed
    await db.destroy();

    db = openDatabase(file);
    expect(await migrateOnToLatest(db)).toContain('0009-ticket-durations');
    const rows = (await sql<Ticket & { id: string }>`SELECT * FROM queue_tickets ORDER BY id`.execute(db)).rows;
    expect(rows.map((t) => [t.id, t.wait_ms, t.service_ms])).toEqual([
      ['t1', 5 * MIN, 12 * MIN + 31_876],
      ['t2', 2, null],
      ['t3', 60 * MIN - 1, null],
      ['t4', null, null],
      ['t5', null, null],
      ['t6', 1, null],
    ]);
    for (const t of rows) expect([t.wait_ms, t.service_ms]).toEqual([waitOf(t), serviceOf(t)]);
    // The changed tickets travel again, so the central copy carries the new columns too.
    const outbox = await sql<{ table_name: string; row_key: string }>`SELECT table_name, row_key FROM sync_outbox ORDER BY row_key`.execute(db);
    expect(outbox.rows.map((r) => `${r.table_name}:${r.row_key}`)).toEqual(['queue_tickets:t1', 'queue_tickets:t2', 'queue_tickets:t3', 'queue_tickets:t6']);
    await db.destroy();
  });
});
