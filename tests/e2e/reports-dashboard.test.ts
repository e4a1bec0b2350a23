/**
 * Dashboard and reports end to end in Chromium over the real core: today's work put in through the
 * router shows on the dashboard (and a new arrival appears without reloading); the reports screen
 * shows the same numbers as the core, with charts, in Arabic right to left; a Hijri range; the
 * Excel export downloaded and opened; a bad date refused in Arabic. Screenshots in tests/artifacts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startHarness, type Harness } from './support/harness';
import { beneficiaryFixture } from '../support/fixtures';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { Dashboard, ReportRun } from '../../shared/reports/schemas';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';
import { riyadhDay } from '../../shared/calls/riyadh-day';
import { toHijri } from '../../shared/dates/hijri-input';

let h: Harness;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await h.core.router.invoke(channel, payload, { senderUrl: `${h.origin}/index.html`, isMainFrame: true });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function fullPage(name: string) {
  const height = await h.page.evaluate(() => Math.max(860, (document.querySelector('main')?.scrollHeight ?? 0) + 160));
  await h.page.setViewportSize({ width: 1366, height: Math.min(height, 6000) });
  await h.screenshot(name);
  await h.page.setViewportSize({ width: 1366, height: 860 });
}

beforeAll(async () => {
  h = await startHarness();
  const s = h.core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  const beneficiaryId = (await h.core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
  const ratings = [5, 4, 2];
  for (const [i, service] of ['support', 'inquiry', 'support'].entries()) {
    await ok<TicketView>('walkIns:takeTicket', { serviceKey: service });
    const called = await ok<TicketView>('walkIns:callNext', {});
    const visit = await ok<VisitView>('walkIns:openVisit', { ticketId: called.id, beneficiaryId });
    await ok('walkIns:endVisit', { id: visit.id });
    await ok('walkIns:rate', { visitId: visit.id, rating: ratings[i] });
  }
  await ok('walkIns:takeTicket', { serviceKey: 'documents' });
  await ok('calls:create', { direction: 'incoming', phone: '0551234567', topic: 'donation', summary: 'يسأل عن التبرع', outcome: 'info_given', durationSeconds: 90 });
  await ok('calls:create', { direction: 'incoming', phone: '0551234567', topic: 'request_status', summary: 'موعد السلة', outcome: 'answered', durationSeconds: 30 });
  await ok('letters:create', { kind: 'incoming', letterDate: riyadhDay(new Date()), entity: 'وزارة الموارد البشرية', subject: 'طلب إفادة', replyDue: '2026-01-01' });
  await ok('contacts:create', { channel: 'website', summary: 'سؤال عن الخدمات' });
});
afterAll(async () => {
  await h?.close();
});

describe('dashboard and reports', { timeout: 120_000 }, () => {
  it('the dashboard shows today’s figures from the core and updates by itself', async () => {
    const page = h.page;
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    const d = await ok<Dashboard>('reports:dashboard', {});
    expect(d).toMatchObject({ waitingNow: 1, served: 3, callsToday: 2, lettersToday: 1, overdueReplies: 1, ratingsToday: 3 });
    await expect.poll(() => page.getByTestId('dash-served').textContent()).toBe('3');
    await expect(page.getByTestId('dash-waiting').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('dash-calls').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('dash-overdue').textContent()).resolves.toBe('1');
    // CSAT: 2 of 3 ratings are 4 or 5.
    await expect(page.getByTestId('dash-csat').textContent()).resolves.toBe('66.7٪');
    await expect(page.getByTestId('dash-ratings').textContent()).resolves.toBe('3');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await fullPage('reports-dashboard');
    expect(await h.axeSeriousViolations()).toEqual([]);

    // A new arrival shows without touching the screen (polling).
    await ok('walkIns:takeTicket', { serviceKey: 'inquiry' });
    await expect.poll(() => page.getByTestId('dash-waiting').textContent(), { timeout: 12_000 }).toBe('2');
  });

  it('the reception screen shows the compact version for this counter', async () => {
    const page = h.page;
    await page.getByTestId('nav-reception').click();
    const strip = page.getByTestId('dashboard-compact');
    await strip.waitFor();
    await expect.poll(() => strip.getByTestId('dash-waiting').textContent()).toBe('2');
    await expect(strip.getByTestId('dash-served').textContent()).resolves.toBe('3');
    await h.screenshot('reports-counter-strip');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('the reports screen shows the core’s numbers with totals and charts, right to left', async () => {
    const page = h.page;
    const today = riyadhDay(new Date());
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-from').fill(today);
    await page.getByTestId('report-to').fill(today);
    await page.getByTestId('report-run').click();
    await page.getByTestId('report-contactsByChannel').waitFor();
    const run = await ok<ReportRun>('reports:run', { range: { from: today, to: today } });
    const channels = run.tables.find((t) => t.id === 'contactsByChannel')!;
    expect(channels.total).toEqual([7, 100]);
    const section = page.getByTestId('report-contactsByChannel');
    await expect(section.locator('tfoot td').first().textContent()).resolves.toBe('7');
    await expect(section.locator('tbody tr').first().textContent()).resolves.toContain('زيارة الكاونتر');
    await expect(page.getByTestId('report-satisfactionByService').locator('tfoot td').nth(1).textContent()).resolves.toBe('66.7');
    // Every report draws a chart (SVG bars), with its Arabic caption.
    await page.getByTestId('chart-contactsByChannel').locator('.recharts-bar-rectangle').first().waitFor();
    await expect(page.locator('.recharts-surface').count()).resolves.toBe(10);
    await fullPage('reports-screen');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('exports Excel: the downloaded file opens with the numbers in its cells', async () => {
    const page = h.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
    const file = join(h.core.dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('التواصل حسب القناة')!;
    expect(ws.getRow(5).values).toEqual([undefined, 'زيارة الكاونتر', 3, 42.9]);
    await page.getByRole('status').filter({ hasText: '.xlsx' }).waitFor();
  });

  it('takes a Hijri range, and refuses a day that does not exist in Arabic without losing it', async () => {
    const page = h.page;
    const hToday = toHijri(new Date(Date.now() + 3 * 3600_000));
    const text = `${hToday.year}-${String(hToday.month).padStart(2, '0')}-01`;
    await page.getByTestId('report-calendar').selectOption('hijri');
    await page.getByTestId('report-from').fill(text);
    await page.getByTestId('report-to').fill(`${hToday.year}-13-01`);
    await page.getByTestId('report-run').click();
    await page.getByText('التاريخ غير صحيح.').waitFor();
    await expect(page.getByTestId('report-to').inputValue()).resolves.toBe(`${hToday.year}-13-01`);
    await h.screenshot('reports-invalid-date');
    await page.getByTestId('report-to').fill(`${hToday.year}-${String(hToday.month).padStart(2, '0')}-${String(hToday.day).padStart(2, '0')}`);
    await page.getByTestId('report-run').click();
    await expect.poll(() => page.getByTestId('report-contactsByChannel').locator('tfoot td').first().textContent()).toBe('7');
    expect(await h.problems()).toEqual([]);
  });
});
