/**
 * Decision time stored on the support request (migration 0014): written in the decision's own
 * transaction, cleared by a new submission, always equal to what the timestamps give (first live
 * decision at or after the last submission, minus that submission), backfilled on an existing file,
 * read by the decision-time report through its covering index, and the report's figures still
 * exactly the definition computed from the timestamps.
 *
 * The request rules (shared/requests/status.ts): submitted → accepted / rejected /
 * more_info_needed; more_info_needed → (edit, sign) → submitted again. Only a submitted request
 * can be decided, so a submission has at most one decision after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { call, createTestCore, TEST_ADMIN } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { makeTempDir } from '../support/temp-dir';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { nearestRank } from '../../shared/reports/percentile';
import type { RequestView } from '../../shared/requests/schemas';
import type { ReportRun, ReportTable } from '../../shared/reports/schemas';
import { openDatabase } from '../../main/db/open-database';
import { migrateOnToLatest, migrateToJustBefore } from '../support/migrate-around';
import { ensureSync } from '../../main/sync/ensure-sync';

let now = new Date('2026-01-04T05:00:00Z');
const clock = { now: () => now };
let core: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
const DAY = 86_400_000;
const tmp = makeTempDir();

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Sets the clock; a long move would end an idle session, so sign in again as staff would. */
async function setClock(at: number) {
  now = new Date(at);
  await call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
}

async function draft(supportType: string): Promise<RequestView> {
  let r = await ok<RequestView>('requests:createDraft', { beneficiaryId, data: { supportType, amount: 1500, justification: 'الأسرة بلا دخل ثابت' } });
  for (const item of r.checklist) {
    r = await ok<RequestView>('requests:verifyItem', {
      requestId: r.id,
      itemId: item.id,
      verified: true,
      documentNumber: item.needsNumber ? '1000000008' : undefined,
      expiryDate: item.needsExpiry ? '2030-01-01' : undefined,
    });
  }
  return ok<RequestView>('requests:sign', { id: r.id, version: r.version, method: 'paper' });
}

async function submit(id: string): Promise<void> {
  const row = await core.db.selectFrom('support_requests').select(['version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  if (row.status === 'more_info_needed') {
    // Completed and signed again, as the officer does before resubmitting.
    const r = await ok<RequestView>('requests:sign', { id, version: row.version, method: 'paper' });
    await ok('requests:submit', { id, version: r.version });
  } else await ok('requests:submit', { id, version: row.version });
}

const decide = (id: string, decision: 'accept' | 'reject' | 'request_info') => ok('requests:decide', { id, decision, reason: 'قرار اللجنة' });

interface Req {
  id: string;
  support_type: string;
  status: string;
  submitted_at: string | null;
  decision_ms: number | null;
  first_decision: string | null;
}

/** Each request with the first live decision at or after its last submission: the report's definition. */
async function requests(db = core.db): Promise<Req[]> {
  return (
    await sql<Req>`SELECT r.id, r.support_type, r.status, r.submitted_at, r.decision_ms,
      (SELECT MIN(d.created_at) FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at) AS first_decision
      FROM support_requests r WHERE r.deleted_at IS NULL ORDER BY r.id`.execute(db)
  ).rows;
}
const definition = (r: Req) => (r.submitted_at && r.first_decision ? Date.parse(r.first_decision) - Date.parse(r.submitted_at) : null);
const stored = async (id: string) => (await core.db.selectFrom('support_requests').select('decision_ms').where('id', '=', id).executeTakeFirstOrThrow()).decision_ms;

beforeAll(async () => {
  core = await createTestCore({ clock });
  const s = core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  beneficiaryId = (await core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
  await recordConsent(core, beneficiaryId);
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  tmp.cleanup();
});

describe('stored decision time', () => {
  it('is written with the decision on every path and equals what the timestamps give', async () => {
    let t = now.getTime();
    const a = await draft('food_basket');
    const b = await draft('rent');
    const c = await draft('medical');
    await submit(a.id);
    await submit(b.id);
    await submit(c.id);
    const submittedAt = t;
    expect([await stored(a.id), await stored(b.id), await stored(c.id)]).toEqual([null, null, null]);

    // Accept after 3 days and 17 ms; reject after exactly 14 days.
    await setClock((t = submittedAt + 3 * DAY + 17));
    await decide(a.id, 'accept');
    expect(await stored(a.id)).toBe(3 * DAY + 17);
    await setClock((t = submittedAt + 14 * DAY));
    await decide(b.id, 'reject');
    expect(await stored(b.id)).toBe(14 * DAY);

    // More information asked after 2 days: that is the decision for this submission.
    await setClock((t = submittedAt + 2 * DAY + 1));
    await decide(c.id, 'request_info');
    expect(await stored(c.id)).toBe(2 * DAY + 1);
    // Resubmitted: a new submission waits for a new decision, measured from the resubmission.
    await setClock((t += 5 * DAY));
    await submit(c.id);
    expect(await stored(c.id)).toBeNull();
    await setClock((t += 20 * DAY + 999));
    await decide(c.id, 'accept');
    expect(await stored(c.id)).toBe(20 * DAY + 999);

    // Later moves (delivery, closing) keep it; a decided request cannot be decided again.
    expect((await call(core, 'requests:decide', { id: a.id, decision: 'reject', reason: 'x' })).ok).toBe(false);
    expect(await stored(a.id)).toBe(3 * DAY + 17);
    await ok('requests:close', { id: b.id });
    expect(await stored(b.id)).toBe(14 * DAY);

    for (const r of await requests()) expect(r.decision_ms).toBe(definition(r));
  });

  it('gives the report exactly the figures the timestamps give, on random schedules', async () => {
    type Fate = 'pending' | 'accept' | 'reject' | 'info' | 'infoResubmitted' | 'infoThenAccept' | 'infoThenReject';
    const fate = fc.constantFrom<Fate>('pending', 'accept', 'reject', 'info', 'infoResubmitted', 'infoThenAccept', 'infoThenReject');
    const delay = fc.oneof(fc.constantFrom(0, 14 * DAY - 1, 14 * DAY, 14 * DAY + 1), fc.integer({ min: 0, max: 30 * DAY }));
    const type = fc.constantFrom('food_basket', 'rent', 'medical');
    const plan = fc.array(fc.record({ fate, type, gap: fc.integer({ min: 0, max: 20 * 60_000 }), first: delay, again: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 * DAY })), second: delay }), { minLength: 1, maxLength: 6 });
    // Each run submits inside its own Riyadh day, 80 days after the previous one; the clock only moves forward.
    let dayStart = Date.parse('2026-01-31T21:00:00.000Z');
    await fc.assert(
      fc.asyncProperty(plan, fc.integer({ min: 0, max: 40 * DAY }), async (steps, reportAfter) => {
        dayStart += 80 * DAY;
        await setClock(dayStart + 5 * 3600_000);
        const day = new Date(dayStart + 3 * 3600_000 + 1).toISOString().slice(0, 10);
        const ids: string[] = [];
        const events: { at: number; id: string; act: () => Promise<unknown> }[] = [];
        for (const s of steps) {
          await setClock(now.getTime() + s.gap);
          const r = await draft(s.type);
          await submit(r.id);
          ids.push(r.id);
          const decidedAt = now.getTime() + s.first;
          if (s.fate === 'pending') continue;
          const first = s.fate === 'accept' || s.fate === 'reject' ? s.fate : 'request_info';
          events.push({ at: decidedAt, id: r.id, act: () => decide(r.id, first) });
          if (first !== 'request_info' || s.fate === 'info') continue;
          const resubmitAt = decidedAt + s.again;
          events.push({ at: resubmitAt, id: r.id, act: () => submit(r.id) });
          if (s.fate === 'infoThenAccept' || s.fate === 'infoThenReject') events.push({ at: resubmitAt + s.second, id: r.id, act: () => decide(r.id, s.fate === 'infoThenAccept' ? 'accept' : 'reject') });
        }
        const last = Math.max(now.getTime(), ...events.map((e) => e.at));
        // Stable sort: one request's own events keep their order when their times tie.
        for (const e of [...events].sort((x, y) => x.at - y.at)) {
          await setClock(Math.max(now.getTime(), e.at));
          await e.act();
        }
        await setClock(last + reportAfter);

        const all = await requests();
        for (const r of all) expect(r.decision_ms).toBe(definition(r));
        // The report's definition from the timestamps, for requests (last) submitted in the range.
        const start = Date.parse(`${day}T00:00:00+03:00`);
        const inRange = all.filter((r) => r.submitted_at && Date.parse(r.submitted_at) >= start && Date.parse(r.submitted_at) < start + DAY);
        const pastLimit = now.getTime() - 14 * DAY;
        const figures = (rs: Req[]) => {
          const v = rs.map(definition).filter((x): x is number => x !== null);
          const days = (x: number | null) => (x === null ? null : Math.round((x / DAY) * 10) / 10);
          return [
            v.length,
            v.length ? days(v.reduce((x, y) => x + y, 0) / v.length) : null,
            days(nearestRank(v, 90)),
            v.filter((x) => x <= 14 * DAY).length,
            v.filter((x) => x > 14 * DAY).length,
            rs.filter((r) => definition(r) === null && r.status === 'submitted' && Date.parse(r.submitted_at!) <= pastLimit).length,
          ];
        };
        const run = await ok<ReportRun>('reports:run', { range: { from: day, to: day }, reports: ['decisionTime'] });
        const table: ReportTable = run.tables[0]!;
        expect(table.total).toEqual(figures(inRange));
        for (const row of table.rows) expect([row.key, row.values]).toEqual([row.key, figures(inRange.filter((r) => r.support_type === row.key))]);
        expect(ids.length).toBe(steps.length);
      }),
      { numRuns: 10 },
    );
  }, 240_000);

  it('is read through the covering index of migration 0014; pending requests through (status, submitted_at)', async () => {
    const plan = async (q: ReturnType<typeof sql>) => JSON.stringify((await sql`EXPLAIN QUERY PLAN ${q}`.execute(core.db)).rows);
    for (const counter of [sql``, sql`AND r.counter_id = 'x'`]) {
      const decided = await plan(
        sql`SELECT COUNT(*), AVG(r.decision_ms) FROM support_requests r WHERE r.decision_ms IS NOT NULL AND r.deleted_at IS NULL AND r.submitted_at >= '2026-01-01' AND r.submitted_at < '2027-01-01' ${counter} AND r.support_type = 'rent'`,
      );
      expect(decided).toContain('COVERING INDEX support_requests_decision');
    }
    const pending = await plan(
      sql`SELECT r.support_type, COUNT(*) FROM support_requests r WHERE r.status = 'submitted' AND r.decision_ms IS NULL AND r.submitted_at <= '2026-06-01' AND r.deleted_at IS NULL AND r.submitted_at >= '2026-01-01' AND r.submitted_at < '2027-01-01' GROUP BY r.support_type`,
    );
    expect(pending).toContain('support_requests_status_submitted');
  });
});

describe('migration 0014', () => {
  it('backfills an existing file from the decisions and queues each changed request once for sync', async () => {
    const file = join(tmp.dir, 'old.sqlite');
    let db = openDatabase(file);
    await migrateToJustBefore(db, '0014-request-decision-time');
    await ensureSync(db);
    const req = (id: string, status: string, submitted: string | null) => ({
      id, created_at: '2026-03-01T05:00:00.000Z', updated_at: '2026-03-01T05:00:00.000Z', created_by: 'u', counter_id: 'c', reference: `R-${id}`, beneficiary_id: 'b',
      visit_id: null, support_type: 'rent', amount: 100, justification: 'j', status, version: 1, updated_by: 'u', submitted_at: submitted, earliest_decision_at: null,
    });
    const dec = (id: string, request: string, at: string, decision: string, deleted: string | null = null) => ({
      id, created_at: at, updated_at: at, created_by: 'u', counter_id: 'c', request_id: request, decision, reason: 'r', deleted_at: deleted,
    });
    const requestsOld = [
      req('q1', 'accepted', '2026-03-01T05:00:00.123Z'),
      // Asked for more information, resubmitted, then rejected: measured from the resubmission.
      req('q2', 'rejected', '2026-03-10T08:00:00.000Z'),
      // Asked for more information, resubmitted, waiting: no decision after the last submission.
      req('q3', 'submitted', '2026-03-20T08:00:00.000Z'),
      req('q4', 'submitted', '2026-03-01T05:00:00.000Z'),
      req('q5', 'draft', null),
      // Only a deleted decision: not decided.
      req('q6', 'submitted', '2026-03-01T05:00:00.000Z'),
      // Decided at the very millisecond of submission.
      req('q7', 'rejected', '2026-03-01T05:00:00.000Z'),
    ];
    const decisions = [
      dec('d1', 'q1', '2026-03-15T05:00:00.124Z', 'accept'),
      dec('d2a', 'q2', '2026-03-05T08:00:00.000Z', 'request_info'),
      dec('d2b', 'q2', '2026-03-12T09:30:00.500Z', 'reject'),
      dec('d3', 'q3', '2026-03-05T08:00:00.000Z', 'request_info'),
      dec('d6', 'q6', '2026-03-02T05:00:00.000Z', 'accept', '2026-03-03T00:00:00.000Z'),
      dec('d7', 'q7', '2026-03-01T05:00:00.000Z', 'reject'),
    ];
    const insert = async (table: string, rows: Record<string, unknown>[]) =>
      sql`INSERT INTO ${sql.ref(table)} (${sql.join(Object.keys(rows[0]!).map((k) => sql.ref(k)))})
        SELECT ${sql.join(Object.keys(rows[0]!).map((k) => sql.raw(`value ->> '$.${k}'`)))} FROM json_each(${JSON.stringify(rows)})`.execute(db);
    // An old file's requests, without their beneficiaries and visits (not what is tested here).
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    await insert('support_requests', requestsOld);
    await insert('request_decisions', decisions);
    await sql`DELETE FROM sync_outbox`.execute(db); // as if already pushed
    await db.destroy();

    db = openDatabase(file);
    expect(await migrateOnToLatest(db)).toContain('0014-request-decision-time');
    const rows = await requests(db);
    expect(rows.map((r) => [r.id, r.decision_ms])).toEqual([
      ['q1', 14 * DAY + 1],
      ['q2', 2 * DAY + 90 * 60_000 + 500],
      ['q3', null],
      ['q4', null],
      ['q5', null],
      ['q6', null],
      ['q7', 0],
    ]);
    for (const r of rows) expect(r.decision_ms).toBe(definition(r));
    const outbox = await sql<{ table_name: string; row_key: string }>`SELECT table_name, row_key FROM sync_outbox ORDER BY row_key`.execute(db);
    expect(outbox.rows.map((r) => `${r.table_name}:${r.row_key}`)).toEqual(['support_requests:q1', 'support_requests:q2', 'support_requests:q7']);
    await db.destroy();
  });
});
