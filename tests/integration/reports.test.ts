/**
 * Reports and the dashboard on known data put in through the real router: tickets called and
 * served at set times, ratings, calls, letters, contacts and support requests decided after a set
 * number of days. Every figure is checked, including the nearest-rank 90th percentile; then the
 * CSV, the XLSX (opened again) and the A4 PDF (text extracted, first page rendered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { call, createTestCore, TEST_ADMIN } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { RequestView } from '../../shared/requests/schemas';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';
import type { Dashboard, ReportRun, ReportTable } from '../../shared/reports/schemas';
import { groupedStats } from '../../main/reports/stats-sql';
import { nearestRank } from '../../shared/reports/percentile';

let now = new Date('2026-10-01T06:00:00Z');
const clock = { now: () => now };
let core: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
let adminId: string;
const MIN = 60_000;
const DAY = 86_400_000;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Moves the clock; a long move ends an idle session, so sign in again as staff would. */
async function setClock(at: Date) {
  now = at;
  await call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
}

async function submitRequest(supportType: string): Promise<RequestView> {
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
  r = await ok<RequestView>('requests:sign', { id: r.id, version: r.version, method: 'paper' });
  return ok<RequestView>('requests:submit', { id: r.id, version: r.version });
}

const TODAY = { from: '2026-11-29', to: '2026-11-29' };
const WIDE = { from: '2026-10-01', to: '2026-11-29' };

async function report(range: object, id: string): Promise<ReportTable> {
  const run = await ok<ReportRun>('reports:run', { range, reports: [id] });
  return run.tables[0]!;
}

/** Row key → values, for compact assertions. */
function byKey(t: ReportTable): Record<string, (number | null)[]> {
  return Object.fromEntries(t.rows.map((r) => [r.key, r.values]));
}

beforeAll(async () => {
  core = await createTestCore({ clock });
  const s = core.sessions.current()!;
  adminId = s.user.id;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  beneficiaryId = (await core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
  await recordConsent(core, beneficiaryId);

  // Requests: two food baskets decided after 10 and 20 days, one rent pending since October, one since 25 November.
  const r1 = await submitRequest('food_basket');
  const r2 = await submitRequest('food_basket');
  await submitRequest('rent');
  await setClock(new Date(now.getTime() + 10 * DAY));
  await ok('requests:decide', { id: r1.id, decision: 'accept', reason: 'مستحق' });
  await setClock(new Date(now.getTime() + 10 * DAY));
  await ok('requests:decide', { id: r2.id, decision: 'reject', reason: 'غير مستحق' });
  await setClock(new Date('2026-11-25T07:00:00Z'));
  await submitRequest('rent');

  // 29 November, 08:00 in Riyadh: eight support tickets, two inquiry tickets, one more waiting, one no-show.
  const t0 = new Date('2026-11-29T05:00:00Z');
  await setClock(t0);
  const tickets: TicketView[] = [];
  for (const service of ['support', 'support', 'support', 'support', 'support', 'support', 'support', 'support', 'inquiry', 'inquiry', 'support', 'documents']) {
    tickets.push(await ok<TicketView>('walkIns:takeTicket', { serviceKey: service }));
  }
  // Ticket k (1..10) is served for k minutes; the first is called after one minute, each next one when the previous ends.
  let at = t0.getTime() + MIN;
  const ratings = [5, 5, 4, 3, 1, 5, 4, 2, 5, 4];
  for (let k = 1; k <= 10; k++) {
    await setClock(new Date(at));
    const called = await ok<TicketView>('walkIns:callNext', {});
    expect(called.id).toBe(tickets[k - 1]!.id);
    const visit = await ok<VisitView>('walkIns:openVisit', { ticketId: called.id, beneficiaryId });
    at += k * MIN;
    await setClock(new Date(at));
    await ok('walkIns:endVisit', { id: visit.id });
    await ok('walkIns:rate', { visitId: visit.id, rating: ratings[k - 1] });
  }
  await ok('walkIns:noShow', { ticketId: tickets[11]!.id });

  await ok('calls:create', { direction: 'incoming', phone: '0551234567', topic: 'donation', summary: 'يسأل عن التبرع', outcome: 'info_given', durationSeconds: 120 });
  await ok('calls:create', { direction: 'outgoing', phone: '0551234567', topic: 'donation', summary: 'رد على متبرع', outcome: 'answered', durationSeconds: 60 });
  await ok('calls:create', {
    direction: 'incoming',
    phone: '0551234568',
    topic: 'complaint',
    summary: 'شكوى من التأخير',
    outcome: 'callback_needed',
    durationSeconds: 300,
    followUp: true,
    followUpDue: '2026-12-01',
    followUpAssigneeId: adminId,
  });
  await ok('letters:create', { kind: 'incoming', letterDate: '2026-11-29', entity: 'وزارة الموارد البشرية', subject: 'طلب إفادة', replyDue: '2026-11-20' });
  const routed = await ok<{ id: string; version: number }>('letters:create', { kind: 'incoming', letterDate: '2026-11-29', entity: 'أمانة المنطقة', subject: 'خطاب تعريف', replyDue: '2026-12-10' });
  await ok('letters:update', { id: routed.id, version: routed.version, status: 'routed', routedTo: 'المدير التنفيذي', replyDue: '2026-12-10' });
  await ok('letters:create', { kind: 'outgoing', letterDate: '2026-11-29', entity: 'جمعية البر', subject: 'شكر وتقدير' });
  await ok('contacts:create', { channel: 'social_media', source: 'X', summary: 'سؤال عن مواعيد الدوام' });
  await ok('contacts:create', { channel: 'email', summary: 'طلب تطوع' });
}, 120_000);

afterAll(async () => {
  await core?.dispose();
});

describe('percentiles', () => {
  it('are nearest-rank: rank ceil(p·n/100) of the sorted values', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 90)).toBeNull();
    expect(nearestRank([4, 1, 3, 2], 50)).toBe(2);
  });

  it('in SQL equal the definition, per group and overall, on random data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ g: fc.constantFrom('a', 'b', 'c'), m: fc.integer({ min: 0, max: 500 }) }), { minLength: 1, maxLength: 60 }), async (rows) => {
        const stats = await groupedStats(core.db, sql`SELECT value ->> '$.g' AS g, value ->> '$.m' AS m FROM json_each(${JSON.stringify(rows)})`);
        for (const g of ['a', 'b', 'c', '__all']) {
          const values = rows.filter((r) => g === '__all' || r.g === g).map((r) => r.m);
          const s = stats.get(g);
          if (values.length === 0) {
            expect(s).toBeUndefined();
            continue;
          }
          expect(s).toMatchObject({ n: values.length, p50: nearestRank(values, 50), p90: nearestRank(values, 90), max: Math.max(...values) });
          expect(s!.avg).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('dashboard', () => {
  it('shows today’s figures', async () => {
    const d = await ok<Dashboard>('reports:dashboard', {});
    expect(d).toEqual({
      day: '2026-11-29',
      waitingNow: 1,
      served: 10,
      // waits 1, 2, 4, 7, 11, 16, 22, 29, 37, 46 minutes; services 1..10 minutes
      avgWaitMinutes: 17.5,
      p90WaitMinutes: 37,
      avgServiceMinutes: 5.5,
      p90ServiceMinutes: 9,
      callsToday: 3,
      openFollowUps: 1,
      lettersToday: 3,
      overdueReplies: 1,
      awaitingCommittee: 2,
      awaitingPast14Days: 1,
      csatToday: 70,
      ratingsToday: 10,
    });
  });

  it('for another counter shows nothing of this one', async () => {
    const d = await ok<Dashboard>('reports:dashboard', { counterId: '01900000-0000-7000-8000-000000000000' });
    expect(d).toMatchObject({ waitingNow: 0, served: 0, avgWaitMinutes: null, p90WaitMinutes: null, callsToday: 0, csatToday: null, ratingsToday: 0 });
  });

  it('changes as work happens', async () => {
    const t = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'inquiry' });
    expect((await ok<Dashboard>('reports:dashboard', {})).waitingNow).toBe(2);
    await ok('walkIns:noShow', { ticketId: t.id });
    expect((await ok<Dashboard>('reports:dashboard', {})).waitingNow).toBe(1);
  });
});

describe('reports', () => {
  it('count contacts by channel', async () => {
    const t = await report(TODAY, 'contactsByChannel');
    expect(byKey(t)).toMatchObject({ walk_in: [10, 55.6], phone: [3, 16.7], letter: [3, 16.7], social_media: [1, 5.6], email: [1, 5.6], website: [0, 0] });
    expect(t.total).toEqual([18, 100]);
    const counter = core.sessions.current()!.counter.id;
    expect((await report({ ...TODAY, counterId: counter }, 'contactsByChannel')).total).toEqual([18, 100]);
    expect((await report({ ...TODAY, counterId: '01900000-0000-7000-8000-000000000000' }, 'contactsByChannel')).total).toEqual([0, null]);
  });

  it('count walk-ins by purpose', async () => {
    const t = await report(TODAY, 'walkInsByPurpose');
    expect(byKey(t)).toMatchObject({ new_request: [8, 80], inquiry: [2, 20], follow_up: [0, 0] });
  });

  it('bucket waiting and service times, with average, median and 90th percentile', async () => {
    const w = await report(TODAY, 'waitingDistribution');
    expect(w.rows.map((r) => r.values[0])).toEqual([3, 1, 1, 3, 2, 0]);
    expect(Object.fromEntries(w.summary.map((s) => [s.key, s.value]))).toEqual({ count: 10, avg: 17.5, p50: 11, p90: 37, max: 46 });
    const s = await report(TODAY, 'serviceDistribution');
    expect(s.rows.map((r) => r.values[0])).toEqual([4, 5, 1, 0, 0, 0]);
    expect(Object.fromEntries(s.summary.map((x) => [x.key, x.value]))).toEqual({ count: 10, avg: 5.5, p50: 5, p90: 9, max: 10 });
  });

  it('count requests by type and outcome, and the decision time against 14 days', async () => {
    const t = await report(WIDE, 'requestsByType');
    // submitted, pending, accepted, rejected, more information
    expect(byKey(t)).toMatchObject({ food_basket: [2, 0, 1, 1, 0], rent: [2, 2, 0, 0, 0], financial: [0, 0, 0, 0, 0] });
    expect(t.rows[0]!.label.ar).toBe('دعم مالي');
    expect(t.total).toEqual([4, 2, 1, 1, 0]);
    const d = await report(WIDE, 'decisionTime');
    // decided, average days, p90 days, within 14, after 14, pending over 14
    expect(byKey(d)).toMatchObject({ food_basket: [2, 15, 20, 1, 1, 0], rent: [0, null, null, 0, 0, 1] });
    expect(d.total).toEqual([2, 15, 20, 1, 1, 1]);
    // Only the request of 25 November falls in November's last week.
    expect((await report({ from: '2026-11-22', to: '2026-11-29' }, 'requestsByType')).total).toEqual([1, 1, 0, 0, 0]);
  });

  it('measure satisfaction (CSAT = share of 4 and 5) by service and by staff member', async () => {
    const s = await report(TODAY, 'satisfactionByService');
    // responses, CSAT %, average, 1..5
    expect(byKey(s)).toEqual({ support: [8, 62.5, 3.6, 1, 1, 1, 2, 3], inquiry: [2, 100, 4.5, 0, 0, 0, 1, 1] });
    expect(s.rows[0]!.label.ar).toBe('طلب دعم مستفيد');
    expect(s.total).toEqual([10, 70, 3.8, 1, 1, 1, 3, 4]);
    const staff = await report(TODAY, 'satisfactionByStaff');
    expect(staff.rows).toEqual([{ key: adminId, label: { ar: TEST_ADMIN.displayName, en: TEST_ADMIN.displayName }, values: [10, 70, 3.8, 1, 1, 1, 3, 4] }]);
  });

  it('count calls by topic and letters by status', async () => {
    const c = await report(TODAY, 'callsByTopic');
    // calls, incoming, outgoing, average minutes, open follow-ups
    expect(byKey(c)).toEqual({ donation: [2, 1, 1, 1.5, 0], complaint: [1, 1, 0, 5, 1] });
    expect(c.rows[0]!.label.ar).toBe('تبرع');
    expect(c.total).toEqual([3, 2, 1, 2.7, 1]);
    const l = await report(TODAY, 'lettersByStatus');
    // incoming, outgoing, total, overdue
    expect(byKey(l)).toEqual({ registered: [1, 1, 2, 1], routed: [1, 0, 1, 0], answered: [0, 0, 0, 0], closed: [0, 0, 0, 0] });
    expect(l.total).toEqual([2, 1, 3, 1]);
  });

  it('take a Hijri range (Jumada II 1448 = 11 November – 9 December 2026), in Eastern Arabic digits too', async () => {
    const run = await ok<ReportRun>('reports:run', { range: { calendar: 'hijri', from: '١٤٤٨-٠٦-٠١', to: '1448-06-29' }, reports: ['contactsByChannel'] });
    expect(run.range).toMatchObject({ from: '2026-11-11', to: '2026-12-09' });
    expect(run.tables[0]!.total).toEqual([18, 100]);
    // Jumada II 1448 has 29 days: the 30th does not exist.
    const bad = await call(core, 'reports:run', { range: { calendar: 'hijri', from: '1448-06-01', to: '1448-06-30' } });
    expect(bad.ok).toBe(false);
  });

  it('refuse a reversed range or a day that does not exist, with an Arabic message', async () => {
    const reversed = await call(core, 'reports:run', { range: { from: '2026-11-29', to: '2026-11-01' } });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.error.fields?.[0]?.message.ar).toBe('تاريخ النهاية قبل تاريخ البداية.');
    const bad = await call(core, 'reports:run', { range: { from: '2026-02-30', to: '2026-03-01' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]?.message.ar).toBe('التاريخ غير صحيح.');
  });
});

describe('migration 0008', () => {
  it('gives each report range an index the planner uses', async () => {
    const plan = async (q: ReturnType<typeof sql>) => JSON.stringify((await sql`EXPLAIN QUERY PLAN ${q}`.execute(core.db)).rows);
    await expect(plan(sql`SELECT COUNT(*) FROM visits WHERE started_at >= '2026-01-01' AND started_at < '2026-02-01'`)).resolves.toContain('visits_started');
    await expect(plan(sql`SELECT COUNT(*) FROM satisfaction_ratings WHERE created_at >= '2026-01-01' AND created_at < '2026-02-01'`)).resolves.toContain('satisfaction_created');
    await expect(plan(sql`SELECT COUNT(*) FROM queue_tickets WHERE day >= '2026-01-01' AND day <= '2026-02-01'`)).resolves.toContain('queue_tickets_day');
    await expect(plan(sql`SELECT COUNT(*) FROM support_requests WHERE submitted_at >= '2026-01-01' AND submitted_at < '2026-02-01'`)).resolves.toContain('support_requests_submitted');
  });
});

describe('exports', () => {
  const artifacts = join(__dirname, '..', 'artifacts');

  it('CSV: UTF-8 with BOM, Arabic labels, totals and summary', async () => {
    const f = await ok<{ fileName: string; csv: string }>('reports:exportCsv', { range: TODAY, report: 'contactsByChannel' });
    expect(f.fileName).toBe('istiqbal-report-2026-11-29-2026-11-29-contactsByChannel.csv');
    expect(f.csv.startsWith('\uFEFFالتواصل حسب القناة,العدد,النسبة ٪\r\n')).toBe(true);
    expect(f.csv).toContain('\r\nزيارة الكاونتر,10,55.6\r\n');
    expect(f.csv).toContain('\r\nالإجمالي,18,100\r\n');
    const w = await ok<{ csv: string }>('reports:exportCsv', { range: TODAY, report: 'waitingDistribution', language: 'en' });
    expect(w.csv).toContain('\r\n90th percentile (min),37\r\n');
  });

  it('XLSX: one right-to-left sheet per report, numbers in cells', async () => {
    const f = await ok<{ fileName: string; base64: string }>('reports:exportXlsx', { range: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(10);
    const ws = wb.getWorksheet('التواصل حسب القناة')!;
    expect(ws.views[0]).toMatchObject({ rightToLeft: true });
    expect(ws.getRow(4).values).toEqual([undefined, '', 'العدد', 'النسبة ٪']);
    expect(ws.getRow(5).values).toEqual([undefined, 'زيارة الكاونتر', 10, 55.6]);
    const sat = wb.getWorksheet('رضا المستفيدين حسب الخدمة')!;
    const totalRow = sat.getRow(4 + 1 + 2);
    expect(totalRow.values).toEqual([undefined, 'الإجمالي', 10, 70, 3.8, 1, 1, 1, 3, 4]);
  });

  it('PDF: A4 with the society’s header; text extracted and the first page rendered', async () => {
    const f = await ok<{ fileName: string; base64: string }>('reports:exportPdf', { range: WIDE });
    const pdf = join(core.dir, f.fileName);
    writeFileSync(pdf, Buffer.from(f.base64, 'base64'));
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('تقرير الاستقبال والخدمة');
    expect(text).toContain('التواصل حسب القناة');
    expect(text).toContain('رضا المستفيدين حسب الخدمة');
    expect(text).toContain('2026-10-01');
    const org = await ok<{ name: string }>('settings:organisation', {});
    expect(text).toContain(org.name);
    mkdirSync(artifacts, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'reports-pdf')]);
  });
});
