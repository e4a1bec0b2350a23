/**
 * The sync screen end to end against a real PostgreSQL: an administrator sets the central address
 * in Settings → Sync; "Sync now" runs and reports; a national ID registered on this counter and on
 * another one the same day shows in the conflict queue with both records; a decision clears it;
 * the history and the status bar tell the story. Screenshots in Arabic (RTL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { createTestCounter, type TestCounter } from '../support/sync-counters';
import { createBeneficiary } from '../support/sync-ops';
import { testKeyProvider } from '../support/test-key-provider';
import { makeTempDir } from '../support/temp-dir';

let h: Harness;
const keyDir = makeTempDir();
let central: TestCentral;
let other: TestCounter;

beforeAll(async () => {
  central = await startTestCentral(54337);
  // The central password is sealed under the OS key: a test key kept in this run's temp folder.
  h = await startHarness({ keyProvider: testKeyProvider(keyDir.dir) });
  other = await createTestCounter(central, 'K02');
  await createBeneficiary(other, 5);
  expect((await other.sync()).status).toBe('ok');
  const counterId = (await h.core.db.selectFrom('counters').select('id').executeTakeFirstOrThrow()).id;
  await createBeneficiary({ core: h.core, counterId, code: 'K01' } as unknown as TestCounter, 5);
}, 180_000);
afterAll(async () => {
  await h?.close();
  await other?.dispose();
  await central?.stop();
  keyDir.cleanup();
});

describe('sync screen', () => {
  it('an administrator sets the central database; a wrong address is refused in Arabic and nothing typed is lost', async () => {
    const p = h.page;
    await p.getByTestId('nav-settings').click();
    await p.getByTestId('settings-tab-sync').click();
    await p.getByTestId('sync-url').fill('mysql://server/db');
    await p.getByText('العنوان يجب أن يبدأ بـ postgres://').waitFor();
    expect(await p.getByTestId('sync-save').isDisabled()).toBe(true);
    await p.getByTestId('sync-time').fill('٠٣:٣٠');
    expect(await p.getByTestId('sync-time').inputValue()).toBe('03:30');
    await h.screenshot('sync-settings-invalid');
    const url = new URL(central.url);
    url.password = '';
    await p.getByTestId('sync-url').fill(url.toString());
    await p.getByTestId('sync-password').fill('postgres');
    await p.getByTestId('sync-sslmode').selectOption('disable');
    await p.getByTestId('sync-save').click();
    await p.getByRole('status').getByText('حُفظت إعدادات المزامنة.').waitFor();
    // The form now shows what was saved: the address without its password, which is kept sealed.
    expect(await p.getByTestId('sync-url').inputValue()).toBe(url.toString());
    expect(await p.getByTestId('sync-password').inputValue()).toBe('');
    await h.screenshot('sync-settings');
  });

  it('"Sync now" runs against the server and the duplicate ID waits in the queue with both records', async () => {
    const p = h.page;
    await p.getByTestId('nav-sync').click();
    await p.getByTestId('sync-pending').waitFor();
    expect(Number(await p.getByTestId('sync-pending').innerText())).toBeGreaterThan(0);
    await p.getByTestId('sync-now').click();
    await p.getByTestId('sync-result').getByText('تمت المزامنة', { exact: false }).waitFor({ timeout: 30_000 });
    await p.getByTestId('sync-conflict').waitFor();
    expect(await p.getByTestId('sync-conflict').count()).toBe(1);
    await expect(p.getByTestId('conflict-remote').innerText()).resolves.toContain('K02');
    await expect(p.getByTestId('conflict-local').innerText()).resolves.toContain('K01');
    expect(await p.getByTestId('sync-conflicts').innerText()).toBe('1');
    await p.getByTestId('sync-run-row').first().waitFor();
    await p.getByTestId('status-sync').getByText('تعارضات 1', { exact: false }).waitFor();
    await h.screenshot('sync-screen-conflict');
  });

  it('a decision clears the queue, and the next sync sends it', async () => {
    const p = h.page;
    await p.getByTestId('conflict-keep-local').click();
    await p.getByText('حُفظ القرار، وسيُرسل في المزامنة القادمة.', { exact: true }).waitFor(); // the notice, not the conflict's own text (وحُفظ القراران)
    await p.getByText('لا توجد تعارضات. كل السجلات متطابقة.').waitFor();
    await p.getByTestId('sync-now').click();
    // The previous run's result is still on screen: wait until this run has finished, then for
    // its row in the history.
    const finished = async () => ((await h.core.db.selectFrom('sync_runs' as never).select('status' as never).execute()) as { status: string }[]).filter((r) => r.status !== 'running').length;
    await expect.poll(finished, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => p.getByTestId('sync-run-row').count(), { timeout: 30_000 }).toBe(2);
    await p.getByTestId('sync-result').getByText('تمت المزامنة', { exact: false }).waitFor({ timeout: 30_000 });
    // Reading the screen after the run records views in the audit trail, which wait for the next
    // sync; everything else was sent.
    const left = (await h.core.db.selectFrom('sync_outbox' as never).select('table_name' as never).execute()) as { table_name: string }[];
    expect(left.filter((r) => r.table_name !== 'audit_log')).toEqual([]);
    expect(Number(await p.getByTestId('sync-pending').innerText())).toBeLessThanOrEqual(left.length);
    expect((await other.sync()).status).toBe('ok');
    const live = await other.core.db.selectFrom('beneficiaries').select(['id', 'deleted_at']).execute();
    expect(live.filter((r) => r.deleted_at === null)).toHaveLength(1);
    await h.screenshot('sync-screen');
  });

  it('passes axe, with nothing blocked by the CSP', async () => {
    expect(await h.problems()).toEqual([]);
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
