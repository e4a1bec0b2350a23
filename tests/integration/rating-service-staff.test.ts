/**
 * The service and staff member stored on the satisfaction rating (migration 0015): written in the
 * rating's own transaction (the visit's ticket's service, the visit's author), left unknown when the
 * ticket is not on this counter, backfilled on an existing file without overriding newer central
 * rows, read by the satisfaction reports through a covering index, and the reports' figures still
 * exactly the pre-0015 definition (every rating joined to its visit and ticket), including rows
 * that do not carry the columns (written by a counter without 0015).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { makeTempDir } from '../support/temp-dir';
import { prng, seedActivity, seedBeneficiaries } from '../support/report-data';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';
import type { ReportTable } from '../../shared/reports/schemas';
import { openDatabase, migrateToLatest, type Db } from '../../main/db/open-database';
import { migrateOnToLatest, migrateToJustBefore } from '../support/migrate-around';
import { ensureSync } from '../../main/sync/ensure-sync';
import { createVisitService } from '../../main/walk-ins/visit-service';
import { createReportService } from '../../main/reports/report-service';
import { ORGANISATION_DEFAULTS } from '../../main/setup/organisation-defaults';
import { satisfactionByJoins } from '../support/satisfaction-by-joins';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const shape = (t: ReportTable) => ({ rows: t.rows.map((r) => [r.key, r.values]), total: t.total });

describe('service and staff written with the rating', () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  const now = new Date('2026-11-29T05:00:00Z');
  const clock = { now: () => now };
  let beneficiaryId: string;
  const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
    const r = await call(core, channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const ratingOf = (visitId: string) =>
    core.db.selectFrom('satisfaction_ratings').select(['service_key', 'staff_id', 'created_by', 'rating']).where('visit_id', '=', visitId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    core = await createTestCore({ clock });
    const s = core.sessions.current()!;
    beneficiaryId = (await core.beneficiaries.create({ userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code }, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
    await recordConsent(core, beneficiaryId);
  });
  afterAll(() => core.dispose());

  it('stores the ticket’s service and the visit’s author, the same figures as the joins', async () => {
    const adminId = core.sessions.current()!.user.id;
    const ticket = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'documents' });
    const called = await ok<TicketView>('walkIns:callNext', {});
    expect(called.id).toBe(ticket.id);
    const withTicket = await ok<VisitView>('walkIns:openVisit', { ticketId: ticket.id, beneficiaryId });
    await ok('walkIns:endVisit', { id: withTicket.id });
    await ok('walkIns:rate', { visitId: withTicket.id, rating: 4 });
    expect(await ratingOf(withTicket.id)).toEqual({ service_key: 'documents', staff_id: adminId, created_by: adminId, rating: 4 });

    // A visit without a ticket: no service, still its staff member.
    const noTicket = await ok<VisitView>('walkIns:openVisit', { ticketId: null, beneficiaryId });
    await ok('walkIns:rate', { visitId: noTicket.id, rating: 2 });
    expect(await ratingOf(noTicket.id)).toMatchObject({ service_key: null, staff_id: adminId });

    // Rated by someone else (the counter's next user) than the one who received the beneficiary:
    // the staff member is the visit's author, as the report always counted it.
    const other = createVisitService({ db: core.db, clock, newId: uuidv7 });
    const t2 = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'inquiry' });
    await ok('walkIns:callNext', {});
    const v2 = await ok<VisitView>('walkIns:openVisit', { ticketId: t2.id, beneficiaryId });
    await other.rate({ userId: 'another-user', counterId: core.sessions.current()!.counter.id, counterCode: 'K01' }, { visitId: v2.id, rating: 5, comment: null });
    expect(await ratingOf(v2.id)).toEqual({ service_key: 'inquiry', staff_id: adminId, created_by: 'another-user', rating: 5 });

    // A ticket this counter does not hold (tickets stay on their counter): both unknown, and the
    // report counts the rating through the joins, as before.
    const t3 = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'support' });
    await ok('walkIns:callNext', {});
    const v3 = await ok<VisitView>('walkIns:openVisit', { ticketId: t3.id, beneficiaryId });
    await core.db.deleteFrom('queue_tickets').where('id', '=', t3.id).execute();
    await ok('walkIns:rate', { visitId: v3.id, rating: 3 });
    expect(await ratingOf(v3.id)).toMatchObject({ service_key: null, staff_id: null });

    const range = { from: '2026-11-29', to: '2026-11-29', counterId: null };
    const service = createReportService({ db: core.db, clock, organisation: async () => ({ ...ORGANISATION_DEFAULTS, logoPng: null }) });
    const run = await service.run(range, ['satisfactionByService', 'satisfactionByStaff']);
    expect(shape(run.tables[0]!)).toEqual({
      rows: [
        ['__none', [2, 0, 2.5, 0, 1, 1, 0, 0]],
        ['documents', [1, 100, 4, 0, 0, 0, 1, 0]],
        ['inquiry', [1, 100, 5, 0, 0, 0, 0, 1]],
      ],
      total: [4, 50, 3.5, 0, 1, 1, 1, 1],
    });
    expect(shape(run.tables[1]!)).toEqual({ rows: [[adminId, [4, 50, 3.5, 0, 1, 1, 1, 1]]], total: [4, 50, 3.5, 0, 1, 1, 1, 1] });
    for (const [i, id] of (['satisfactionByService', 'satisfactionByStaff'] as const).entries()) expect(shape(run.tables[i]!)).toEqual(await satisfactionByJoins(core.db, id, range));
  });
});

describe('satisfaction reports = the pre-0015 joins', () => {
  let db: Db;
  const LAST = '2026-11-28';
  const COUNTER = 'bench-counter-1';
  const clock = { now: () => new Date(`${LAST}T09:00:00Z`) };

  beforeAll(async () => {
    db = openDatabase(join(tmp.dir, 'reports.sqlite'));
    await migrateToLatest(db);
    const random = prng(1015);
    await seedBeneficiaries(db, 3000, random);
    await seedActivity(db, 3000, LAST, random, 400);
    // What this counter's own writer produces (report-data.ts fills the columns as rate() does),
    // plus what it does not: rows pulled from counters without 0015 (no columns), visits opened
    // without a ticket, ratings about tickets held elsewhere (unknown), soft-deleted ratings.
    const ids = (await db.selectFrom('satisfaction_ratings').select(['id', 'visit_id']).orderBy('id').execute()).map((r) => r);
    const pick = (share: number) => ids.filter(() => random() < share);
    const older = pick(0.2).map((r) => r.id);
    const noTicket = pick(0.05).map((r) => r.visit_id);
    const elsewhere = pick(0.05).map((r) => r.visit_id);
    const deleted = pick(0.03).map((r) => r.id);
    const inList = (list: string[]) => sql.join(list.map((x) => sql`${x}`));
    await db.transaction().execute(async (trx) => {
      await sql`UPDATE satisfaction_ratings SET service_key = NULL, staff_id = NULL WHERE id IN (${inList(older)})`.execute(trx);
      await sql`UPDATE visits SET ticket_id = NULL WHERE id IN (${inList(noTicket)})`.execute(trx);
      await sql`UPDATE satisfaction_ratings SET service_key = NULL WHERE visit_id IN (${inList(noTicket)}) AND staff_id IS NOT NULL`.execute(trx);
      await sql`DELETE FROM queue_tickets WHERE visit_id IN (${inList(elsewhere)})`.execute(trx);
      await sql`UPDATE satisfaction_ratings SET service_key = NULL, staff_id = NULL WHERE visit_id IN (${inList(elsewhere)})`.execute(trx);
      await sql`UPDATE satisfaction_ratings SET deleted_at = '2026-11-01T00:00:00.000Z' WHERE id IN (${inList(deleted)})`.execute(trx);
    });
    const mix = await sql<{ filled: number; unfilled: number; none: number }>`SELECT SUM(staff_id IS NOT NULL) AS filled, SUM(staff_id IS NULL) AS unfilled,
      SUM(staff_id IS NOT NULL AND service_key IS NULL) AS none FROM satisfaction_ratings`.execute(db);
    expect(mix.rows[0]!.filled).toBeGreaterThan(500);
    expect(mix.rows[0]!.unfilled).toBeGreaterThan(100);
    expect(mix.rows[0]!.none).toBeGreaterThan(10);
  }, 60_000);
  afterAll(() => db.destroy());

  it('gives the same rows, order and totals for every range and counter', async () => {
    const service = createReportService({ db, clock, organisation: async () => ({ ...ORGANISATION_DEFAULTS, logoPng: null }) });
    const ranges = [
      { from: '2025-11-29', to: LAST },
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2026-11-28', to: '2026-11-28' },
      { from: '2024-01-01', to: '2024-01-31' },
    ];
    let compared = 0;
    for (const r of ranges) {
      for (const counterId of [null, COUNTER]) {
        const range = { ...r, counterId };
        for (const id of ['satisfactionByService', 'satisfactionByStaff'] as const) {
          const mine = shape((await service.run(range, [id])).tables[0]!);
          expect(mine, `${id} ${JSON.stringify(range)}`).toEqual(await satisfactionByJoins(db, id, range));
          compared += mine.rows.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('reads the stored rows from the covering index, and the others through their own index', async () => {
    const plan = async (q: ReturnType<typeof sql>) => JSON.stringify((await sql`EXPLAIN QUERY PLAN ${q}`.execute(db)).rows.map((r) => (r as { detail: string }).detail));
    const where = sql`s.deleted_at IS NULL AND s.created_at >= '2026-01-01' AND s.created_at < '2027-01-01'`;
    for (const counter of [sql``, sql`AND s.counter_id = ${COUNTER}`]) {
      for (const [stored, joined] of [[sql`s.service_key`, sql`t.service_key`], [sql`s.staff_id`, sql`v.created_by`]]) {
        // The report's statement (report-tables.ts): stored rows, then the others through the joins.
        const steps = await plan(sql`SELECT ${stored} AS g, s.rating AS rating, COUNT(*) AS c FROM satisfaction_ratings s WHERE s.staff_id IS NOT NULL AND ${where} ${counter} GROUP BY 1, 2
          UNION ALL SELECT ${joined}, s.rating, COUNT(*) FROM satisfaction_ratings s JOIN visits v ON v.id = s.visit_id LEFT JOIN queue_tickets t ON t.id = v.ticket_id
          WHERE s.staff_id IS NULL AND ${where} ${counter} GROUP BY 1, 2`);
        expect(steps).toContain('SEARCH s USING COVERING INDEX satisfaction_report');
        expect(steps).toContain('SEARCH s USING INDEX satisfaction_unfilled');
      }
    }
  });
});

describe('migration 0015 on an existing file', () => {
  it('fills what this counter can tell, and queues those rows stamped at their own last change', async () => {
    const file = join(tmp.dir, 'existing.sqlite');
    let db = openDatabase(file);
    await migrateToJustBefore(db, '0015-rating-service-staff');
    await ensureSync(db);
    const rec = (id: string, at: string, by = 'u') => ({ id, created_at: at, updated_at: at, created_by: by, counter_id: 'c', deleted_at: null });
    const insert = async (table: string, rows: Record<string, unknown>[]) =>
      sql`INSERT INTO ${sql.ref(table)} (${sql.join(Object.keys(rows[0]!).map((k) => sql.ref(k)))})
        SELECT ${sql.join(Object.keys(rows[0]!).map((k) => sql.raw(`value ->> '$.${k}'`)))} FROM json_each(${JSON.stringify(rows)})`.execute(db);
    const T = '2026-03-01T05:00:00.000Z';
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    await insert('queue_tickets', [
      { ...rec('t1', T), service_key: 'support', day: '2026-03-01', number: 1, label: 'S-001', status: 'done', arrived_at: T, visit_id: 'v1' },
    ]);
    const visit = (id: string, ticket: string | null, by: string) => ({ ...rec(id, T, by), ticket_id: ticket, beneficiary_id: 'b', purpose: 'inquiry', qa_json: '[]', started_at: T, version: 1 });
    await insert('visits', [visit('v1', 't1', 'staff-1'), visit('v2', null, 'staff-2'), visit('v3', 't-elsewhere', 'staff-3')]);
    const rating = (id: string, visitId: string, updated: string) => ({ ...rec(id, T, 'rater'), updated_at: updated, visit_id: visitId, beneficiary_id: 'b', rating: 4, comment: null });
    await insert('satisfaction_ratings', [
      rating('r1', 'v1', '2026-03-01T05:10:00.250Z'),
      rating('r2', 'v2', '2026-03-02T06:00:00.000Z'),
      // The ticket is held by another counter: unknown here (that counter fills it).
      rating('r3', 'v3', '2026-03-01T05:00:00.000Z'),
      // The visit has not arrived yet: unknown.
      rating('r4', 'v-missing', '2026-03-01T05:00:00.000Z'),
    ]);
    await sql`DELETE FROM sync_outbox`.execute(db); // as if already pushed
    await db.destroy();

    db = openDatabase(file);
    expect(await migrateOnToLatest(db)).toContain('0015-rating-service-staff');
    const rows = await db.selectFrom('satisfaction_ratings').select(['id', 'service_key', 'staff_id', 'updated_at']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.service_key, r.staff_id, r.updated_at])).toEqual([
      ['r1', 'support', 'staff-1', '2026-03-01T05:10:00.250Z'],
      ['r2', null, 'staff-2', '2026-03-02T06:00:00.000Z'],
      ['r3', null, null, '2026-03-01T05:00:00.000Z'],
      ['r4', null, null, '2026-03-01T05:00:00.000Z'],
    ]);
    // Queued for the central copy with the rows' own times, not now: any real edit made elsewhere
    // since (a later stamp) wins the whole-row merge; and nothing else was captured.
    const node = (await sql<{ node: string; applying: number }>`SELECT node, applying FROM sync_control`.execute(db)).rows[0]!;
    expect(node.applying).toBe(0);
    expect(node.node).not.toBe('');
    const outbox = await sql<{ table_name: string; row_key: string; hlc: string }>`SELECT table_name, row_key, hlc FROM sync_outbox ORDER BY seq`.execute(db);
    expect(outbox.rows).toEqual([
      { table_name: 'satisfaction_ratings', row_key: 'r1', hlc: `${String(Date.parse('2026-03-01T05:10:00.250Z')).padStart(15, '0')}-0000000000-${node.node}` },
      { table_name: 'satisfaction_ratings', row_key: 'r2', hlc: `${String(Date.parse('2026-03-02T06:00:00.000Z')).padStart(15, '0')}-0000000000-${node.node}` },
    ]);
    // Capture is on again after the migration.
    await sql`UPDATE satisfaction_ratings SET deleted_at = '2026-03-03T00:00:00.000Z' WHERE id = 'r4'`.execute(db);
    expect((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sync_outbox WHERE row_key = 'r4'`.execute(db)).rows[0]!.n).toBe(1);
    await db.destroy();
  });

  it('gives a fresh file the columns and the indexes', async () => {
    const db = openDatabase(join(tmp.dir, 'fresh.sqlite'));
    await migrateToLatest(db);
    const cols = await sql<{ name: string }>`SELECT name FROM pragma_table_info('satisfaction_ratings')`.execute(db);
    expect(cols.rows.map((c) => c.name)).toEqual(expect.arrayContaining(['service_key', 'staff_id']));
    const idx = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'satisfaction_ratings' ORDER BY name`.execute(db);
    expect(idx.rows.map((i) => i.name)).toEqual(expect.arrayContaining(['satisfaction_report', 'satisfaction_unfilled']));
    expect((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sync_outbox`.execute(db)).rows[0]!.n).toBe(0);
    await db.destroy();
  });
});
