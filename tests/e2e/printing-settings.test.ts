/**
 * The printers panel end to end, against a network printer on 127.0.0.1: a wrong address gets a
 * clear Arabic message and keeps what was typed; the printer is saved, test-printed, made the
 * default for receipts; the status bar says it is ready; an offline printer shows the Arabic
 * message and a Retry that prints once the printer is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { startFakePrinter, type FakePrinter } from '../integration/printing-support/tcp-printer';

let h: Harness;
let printer: FakePrinter;
beforeAll(async () => {
  printer = await startFakePrinter();
  h = await startHarness();
  await h.page.getByTestId('nav-settings').click();
  await h.page.getByTestId('settings-tab-printers').click();
});
afterAll(async () => {
  await h?.close();
  await printer?.close();
});

describe('printers settings', () => {
  it('adds a network printer, refusing a wrong address without losing the name', async () => {
    const p = h.page;
    await p.getByTestId('printer-add').click();
    await p.getByTestId('printer-name').fill('طابعة الكاونتر ١');
    await p.getByTestId('printer-address').fill('192.168.1.50:9100');
    await p.getByText('tcp://192.168.1.50:9100', { exact: false }).first().waitFor();
    expect(await p.getByTestId('printer-save').isDisabled()).toBe(true);
    await expect(p.getByTestId('printer-name').inputValue()).resolves.toBe('طابعة الكاونتر ١');
    await h.screenshot('printing-settings-invalid');
    await p.getByTestId('printer-address').fill(`tcp://127.0.0.1:${printer.port}`);
    await p.getByTestId('printer-save').click();
    await p.getByRole('status').getByText('تم حفظ الطابعة.').waitFor();
    await p.getByTestId('printer-row').getByText('طابعة الكاونتر ١').waitFor();
  });

  it('test-prints, sets the default for request receipts, and shows the printer ready in the status bar', async () => {
    const p = h.page;
    await p.getByTestId('printer-test').click();
    await p.getByTestId('print-job-printed').first().waitFor();
    expect(printer.jobs.length).toBe(1);
    const id = (await h.core.printing.printers.state((await h.core.db.selectFrom('counters').select('id').executeTakeFirstOrThrow()).id)).printers[0]!.id;
    await p.getByTestId('printer-default-request-receipt').selectOption(id);
    await p.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="printer-default-request-receipt"]')?.value !== '');
    await p.getByTestId('status-printer').getByText('جاهزة').waitFor();
    await h.screenshot('printing-settings');
  });

  it('reports an offline printer in Arabic with a Retry that prints once it is back', async () => {
    const p = h.page;
    const port = printer.port;
    await printer.close();
    await p.getByTestId('printer-test').click();
    await p.getByText('الطابعة غير متصلة', { exact: false }).first().waitFor();
    await p.getByTestId('status-printer').getByText('خطأ في آخر طباعة').waitFor();
    await h.screenshot('printing-settings-offline');
    printer = await startFakePrinter({}, port);
    await p.getByTestId('print-retry').first().click();
    await p.waitForFunction(() => document.querySelectorAll('[data-testid="print-job-failed"]').length === 0);
    expect(printer.jobs.length).toBe(1);
  });

  it('passes axe, with nothing blocked by the CSP', async () => {
    expect(await h.problems()).toEqual([]);
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
