/**
 * Issue 9's reference library end to end, screenshots under tests/artifacts/library-*.png: an
 * administrator uploads the relations policy (a real Arabic PDF), searches it with different
 * spellings, opens a hit at its page in the pdf.js viewer, uploads a new version (the old one kept),
 * a receptionist reads and searches without the upload controls, and F1 opens the search from
 * any screen. Axe finds no serious or
 * critical violation; no page error or CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { policyPdf } from '../../main/library/policy-pdf';
import { RELATIONS_POLICY_PARAGRAPHS, RELATIONS_POLICY_TITLE } from '../../main/library/relations-policy-text';

let h: Harness;
let v1: Buffer;
let v2: Buffer;
const society = { society: 'جمعية خزام التعاونية متعددة الأغراض', licenceLine: 'ترخيص رقم 334' };

const invoke = (channel: string, payload: unknown) => h.core.router.invoke(channel, payload, { senderUrl: `${h.origin}/index.html`, isMainFrame: true });

async function shot(name: string) {
  const height = await h.page.evaluate(() => (document.querySelector('.app-main')?.scrollHeight ?? 0) + 140);
  await h.page.setViewportSize({ width: 1366, height: Math.min(Math.max(860, height), 4000) });
  await h.screenshot(name);
  await h.page.setViewportSize({ width: 1366, height: 860 });
}

beforeAll(async () => {
  h = await startHarness();
  v1 = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS, society);
  v2 = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS.map((p) => p.replace('خلال مدة لا تقل عن أسبوعين', 'خلال عشرة أيام عمل')), society);
  const r = await invoke('users:create', { username: 'reception.lib', displayName: 'موظفة الاستقبال', role: 'receptionist', password: 'Reception-pass-2026' });
  if (!r.ok) throw new Error(JSON.stringify(r));
});
afterAll(async () => {
  await h?.close();
});

describe('reference library', { timeout: 120_000 }, () => {
  it('an administrator uploads a policy PDF; a not-PDF file is refused with the title kept', async () => {
    const page = h.page;
    await page.getByTestId('nav-library').click();
    await page.getByTestId('library-screen').waitFor();
    await page.getByTestId('library-add').click();
    await page.getByTestId('library-title').fill(RELATIONS_POLICY_TITLE);
    await page.getByTestId('library-description').fill('اعتمدها مجلس الإدارة في جلسته رقم 2/23 بتاريخ 25/01/2023');
    await page.getByTestId('library-file').setInputFiles({ name: 'not-a-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a pdf') });
    await page.getByTestId('library-save').click();
    await page.getByTestId('library-error').waitFor();
    await expect(page.getByTestId('library-error').textContent()).resolves.toContain('نوع الملف غير مقبول');
    await expect(page.getByTestId('library-title').inputValue()).resolves.toBe(RELATIONS_POLICY_TITLE);

    await page.getByTestId('library-file').setInputFiles({ name: 'سياسة العلاقة مع المستفيدين.pdf', mimeType: 'application/pdf', buffer: v1 });
    await page.getByTestId('library-save').click();
    await page.getByTestId('library-saved').waitFor();
    await page.getByTestId('library-document-row').waitFor();
    await expect(page.getByTestId('library-document-row').textContent()).resolves.toContain(RELATIONS_POLICY_TITLE);
    await shot('library-list');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('finds words spelt without hamza and opens the hit at its page in the viewer', async () => {
    const page = h.page;
    await page.getByTestId('library-search').fill('لا تقل عن اسبوعين');
    await page.getByTestId('library-hit').first().waitFor();
    const hit = page.getByTestId('library-hit').filter({ has: page.getByTestId('library-hit-snippet') });
    await expect(hit.getByTestId('library-hit-snippet').textContent()).resolves.toContain('أسبوعين');
    const label = (await hit.getByTestId('library-hit-open').textContent())!;
    const pageNo = Number(/\d+/.exec(label)![0]);
    expect(pageNo).toBeGreaterThan(1);
    await shot('library-search');
    expect(await h.axeSeriousViolations()).toEqual([]);

    await hit.getByTestId('library-hit-open').click();
    await page.locator(`[data-testid="library-viewer-canvas"][data-page="${pageNo}"][data-rendered="true"]`).waitFor();
    await expect(page.getByTestId('library-viewer-page-input').inputValue()).resolves.toBe(String(pageNo));
    await shot('library-viewer-hit-page');
    await page.getByTestId('library-viewer-prev').click();
    await page.locator(`[data-testid="library-viewer-canvas"][data-page="${pageNo - 1}"][data-rendered="true"]`).waitFor();
    await page.getByTestId('library-viewer-zoom-out').click();
    await page.locator('[data-testid="library-viewer-canvas"][data-rendered="true"]').waitFor();
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('a new version becomes current and the old one stays readable', async () => {
    const page = h.page;
    await page.getByTestId('library-new-version').click();
    await page.getByTestId('library-note').fill('مدة الرد عشرة أيام عمل');
    await page.getByTestId('library-file').setInputFiles({ name: 'سياسة العلاقة 1448.pdf', mimeType: 'application/pdf', buffer: v2 });
    await page.getByTestId('library-save').click();
    await page.getByTestId('library-notice').waitFor();
    await expect.poll(() => page.getByTestId('library-version-row').count()).toBe(2);
    const rows = page.getByTestId('library-version-row');
    await expect(rows.nth(0).textContent()).resolves.toContain('النسخة الحالية');
    await expect(rows.nth(1).textContent()).resolves.not.toContain('النسخة الحالية');
    await page.locator('[data-testid="library-viewer-canvas"][data-page="1"][data-rendered="true"]').waitFor();
    await rows.nth(1).getByTestId('library-view-version').click();
    await page.locator('[data-testid="library-viewer-canvas"][data-rendered="true"]').waitFor();
    await expect(rows.nth(1).getAttribute('aria-current')).resolves.toBe('true');
    await shot('library-versions');
    expect(await h.axeSeriousViolations()).toEqual([]);

    await page.getByTestId('library-back').click();
    await page.getByTestId('library-search').fill('عشره ايام');
    await expect(page.getByTestId('library-hit-snippet').first().textContent()).resolves.toContain('عشرة أيام عمل');
  });

  it('a receptionist reads and searches, without upload, version or retire controls', async () => {
    const page = h.page;
    const signedIn = await invoke('auth:signIn', { username: 'reception.lib', password: 'Reception-pass-2026' });
    expect(signedIn.ok).toBe(true);
    await page.reload();
    await page.getByTestId('status-user').waitFor();
    await page.getByTestId('nav-library').click();
    await page.getByTestId('library-document-row').waitFor();
    expect(await page.getByTestId('library-add').count()).toBe(0);
    await page.getByTestId('library-document-row').getByRole('button').click();
    await page.locator('[data-testid="library-viewer-canvas"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('library-new-version').count()).toBe(0);
    expect(await page.getByTestId('library-retire').count()).toBe(0);
    await shot('library-receptionist');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('F1 on any screen opens the library search over it and shows the hit page; Escape closes', async () => {
    const page = h.page;
    await page.getByTestId('nav-calls').click();
    await page.keyboard.press('F1');
    await page.getByTestId('library-quick').waitFor();
    // The search box has the focus: type straight away.
    await page.keyboard.type('الأدوات المتاحة');
    const hit = page.getByTestId('library-quick').getByTestId('library-hit').filter({ has: page.getByTestId('library-hit-snippet') });
    await hit.first().waitFor();
    const pageNo = Number(/\d+/.exec((await hit.first().getByTestId('library-hit-open').textContent())!)![0]);
    await hit.first().getByTestId('library-hit-open').click();
    await page.locator(`[data-testid="library-quick-viewer-canvas"][data-page="${pageNo}"][data-rendered="true"]`).waitFor();
    await h.page.setViewportSize({ width: 1366, height: 1100 });
    await h.screenshot('library-quick-search');
    expect(await h.axeSeriousViolations()).toEqual([]);
    await h.page.setViewportSize({ width: 1366, height: 860 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('library-quick').count()).toBe(0);
    expect(await h.problems()).toEqual([]);
  });
});
