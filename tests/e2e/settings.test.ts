/** Settings end to end: the society's profile, this counter, and backups. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pendingRestoreFile } from '../../main/backup/pending-restore';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.page.getByTestId('nav-settings').click();
});
afterAll(async () => {
  await h?.close();
});

describe('settings', () => {
  it('edits the society profile, refusing a bad licence without losing the name typed', async () => {
    await h.page.getByTestId('settings-tab-organisation').click();
    await expect(h.page.getByTestId('org-name').inputValue()).resolves.toBe('جمعية خزام التعاونية متعددة الأغراض');
    await h.page.getByTestId('org-name').fill('جمعية خزام التعاونية');
    await h.page.getByTestId('org-licence').fill('٣٣ب');
    await h.page.getByTestId('org-save').click();
    await h.page.getByText('رقم الترخيص أرقام فقط').waitFor();
    await expect(h.page.getByTestId('org-name').inputValue()).resolves.toBe('جمعية خزام التعاونية');
    await h.page.getByTestId('org-licence').fill('٣٣٤');
    await h.page.getByTestId('org-save').click();
    await h.page.getByRole('status').getByText('تم الحفظ').waitFor();
    expect(await h.core.settings.organisation()).toMatchObject({ name: 'جمعية خزام التعاونية', licence: '334' });
    await h.screenshot('settings-organisation');
  });

  it('makes a backup, lists it and shows what it holds', async () => {
    await h.page.getByTestId('settings-tab-backups').click();
    await h.page.getByTestId('backup-now').click();
    await h.page.getByTestId('backup-message').getByText('تمت النسخة الاحتياطية').waitFor();
    await h.page.getByTestId('backup-list').waitFor();
    await h.page.getByRole('button', { name: 'تحقق واعرض المحتوى' }).first().click();
    await expect(h.page.getByTestId('backup-message').textContent()).resolves.toMatch(/تحتوي: \d+ مستفيد/);
    await h.screenshot('settings-backups');
  });

  it('restores a backup from the list: preview, confirmation, then staged for the restart', async () => {
    await h.page.getByTestId('restore-backup').first().click();
    const confirm = h.page.getByTestId('restore-confirm');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toMatch(/تحتوي: \d+ مستفيد/);
    await confirm.getByText('ستُحفظ نسخة أمان من البيانات الحالية أولاً').waitFor();
    expect(await h.axeSeriousViolations()).toEqual([]);
    await h.screenshot('settings-backups-restore-confirm');
    await h.page.getByTestId('restore-confirm-button').click();
    // The browser harness cannot restart itself: the app asks to be reopened.
    await h.page.getByTestId('backup-message').getByText('أغلق البرنامج وافتحه').waitFor();
    expect(existsSync(pendingRestoreFile(join(h.core.dir, 'istiqbal.sqlite')))).toBe(true);
    expect(await h.problems()).toEqual([]);
  });

  it('adds a beneficiary category that the registry form then offers', async () => {
    await h.page.getByTestId('settings-tab-categories').click();
    await h.page.getByTestId('category-add').click();
    const rows = await h.page.getByTestId('categories-form').locator('[data-testid^="category-ar-"]').count();
    await h.page.getByTestId(`category-ar-${rows - 1}`).fill('أسر السجناء');
    await h.page.getByTestId(`category-en-${rows - 1}`).fill("Prisoners' families");
    await h.page.getByTestId('categories-save').click();
    await h.page.getByRole('status').getByText('تم الحفظ').waitFor();
    await h.screenshot('settings-categories');
    await h.page.getByTestId('nav-beneficiaries').click();
    await h.page.getByTestId('new-beneficiary').click();
    await expect(h.page.getByLabel('الفئة').locator('option').allTextContents()).resolves.toContain('أسر السجناء');
    await h.page.getByRole('button', { name: 'إلغاء' }).click();
    await h.page.getByTestId('nav-settings').click();
  });

  it('collects diagnostics without personal data', async () => {
    await h.page.getByTestId('settings-tab-diagnostics').click();
    await h.page.getByTestId('diagnostics-collect').click();
    const text = await h.page.getByTestId('diagnostics-text').inputValue();
    expect(text).toContain('"migrations"');
    expect(text).toContain('"beneficiaries"');
  });

  it('passes axe, with nothing blocked by the CSP', async () => {
    expect(await h.problems()).toEqual([]);
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
