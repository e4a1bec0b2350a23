/** The first-run wizard, end to end: society, counter, printer, sync, demo data, then the app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ firstRunWizard: 'pending' });
});
afterAll(async () => {
  await h?.close();
});

describe('first-run wizard', () => {
  it('walks the administrator through the steps and opens the app with demo data', async () => {
    await h.page.getByRole('heading', { name: 'إعداد استقبال لأول مرة' }).waitFor();
    await h.page.getByTestId('org-licence').fill('٣٣٤');
    await h.page.getByTestId('org-save').click();
    await h.page.getByRole('status').getByText('تم الحفظ').waitFor();
    await h.screenshot('first-run-organisation');
    expect(await h.axeSeriousViolations()).toEqual([]);

    await h.page.getByTestId('setup-next').click();
    await h.page.getByTestId('counter-name').fill('كاونتر الاستقبال الرئيسي');
    await h.page.getByTestId('counter-save').click();
    await h.page.getByRole('status').getByText('تم الحفظ').waitFor();
    await h.page.getByTestId('setup-next').click(); // printer: skipped here, its own tests cover it
    await h.page.getByTestId('setup-next').click(); // sync: optional
    await h.page.getByTestId('setup-next').click();
    await h.page.getByTestId('setup-demo').click();
    await h.page.getByText('أُضيف 40 مستفيداً تجريبياً').waitFor();
    await h.screenshot('first-run-demo');
    await h.page.getByTestId('setup-finish').click();

    await h.page.getByTestId('beneficiary-search').fill('ال');
    await h.page.getByTestId('search-result').first().waitFor();
    await expect(h.page.getByTestId('status-counter').textContent()).resolves.toContain('كاونتر الاستقبال الرئيسي');
    const counter = await h.core.db.selectFrom('counters').select('name').executeTakeFirstOrThrow();
    expect(counter.name).toBe('كاونتر الاستقبال الرئيسي');
    expect(await h.problems()).toEqual([]);
  });
});
