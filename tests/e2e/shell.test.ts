/** The Arabic, right-to-left shell, end to end in Chromium with the real router. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { formatHijri } from '../../shared/dates/calendars';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the shell', () => {
  it('opens in Arabic, right to left, with the Cairo font', async () => {
    const { lang, dir, font } = await h.page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      font: getComputedStyle(document.body).fontFamily,
    }));
    expect(lang).toBe('ar');
    expect(dir).toBe('rtl');
    expect(font).toContain('Cairo');
    expect(await h.page.evaluate(() => document.fonts.check('16px Cairo', 'محمد'))).toBe(true);
    // The navigation sits on the right in RTL.
    const nav = await h.page.getByRole('navigation').boundingBox();
    expect(nav!.x).toBeGreaterThan(1000);
  });

  it('lists every section and shows user, counter and both calendars in the status bar', async () => {
    for (const label of ['الاستقبال والمقابلات', 'المستفيدون', 'الاتصالات الهاتفية', 'الخطابات', 'طلبات الدعم', 'التقارير', 'الإعدادات']) {
      await expect(h.page.getByRole('navigation').getByText(label, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(h.page.getByTestId('status-user').textContent()).resolves.toContain('مدير النظام');
    await expect(h.page.getByTestId('status-counter').textContent()).resolves.toContain('K01');
    const date = await h.page.getByTestId('status-date').textContent();
    expect(date).toContain(formatHijri(new Date(), 'ar'));
    expect(date).toContain('هـ');
    // No central database is configured in a fresh test core: the bar says so, and so does the printer.
    await expect(h.page.getByTestId('status-sync').textContent()).resolves.toContain('غير مضبوطة');
    await expect(h.page.getByTestId('status-printer').textContent()).resolves.toMatch(/الطابعة:\s*\S+/);
    await h.screenshot('shell-ar');
  });

  it('opens every section as a built screen, with no "not built yet" placeholder left', async () => {
    // Every section now has its screen (the letters section, the placeholder's old example, included).
    await h.page.getByTestId('nav-letters').click();
    await expect(h.page.getByRole('heading', { name: 'الصادر والوارد' }).isVisible()).resolves.toBe(true);
    await expect(h.page.getByText('قيد الإنشاء').count()).resolves.toBe(0);
    await h.page.getByTestId('nav-beneficiaries').click();
  });

  it('switches to English, left to right, and back', async () => {
    await h.page.getByRole('button', { name: /English/ }).click();
    await expect(h.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['en', 'ltr']);
    await expect(h.page.getByRole('navigation').getByText('Beneficiaries').isVisible()).resolves.toBe(true);
    const nav = await h.page.getByRole('navigation').boundingBox();
    expect(nav!.x).toBeLessThan(10);
    await h.screenshot('shell-en');
    await h.page.getByRole('button', { name: /العربية/ }).click();
    await expect(h.page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
  });

  it('loads without a page error, a failed request or anything the CSP had to block', async () => {
    expect(await h.problems()).toEqual([]);
  });

  it('passes axe with no serious or critical violation', async () => {
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
