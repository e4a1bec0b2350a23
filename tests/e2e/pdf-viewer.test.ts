/**
 * Issue 7's last point: a letter's scanned PDF (Arabic, Cairo embedded, two pages) previewed in
 * the app by pdf.js in the renderer — worker served by the app, no poppler anywhere on the path —
 * with page navigation and zoom. Screenshots under tests/artifacts/pdf-viewer-*.png; no page
 * error, no CSP violation, axe without serious or critical findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { policyPdf } from '../../main/library/policy-pdf';
import { RELATIONS_POLICY_PARAGRAPHS } from '../../main/library/relations-policy-text';

let h: Harness;

const invoke = (channel: string, payload: unknown) => h.core.router.invoke(channel, payload, { senderUrl: `${h.origin}/index.html`, isMainFrame: true });

beforeAll(async () => {
  h = await startHarness();
  const letter = await invoke('letters:create', { kind: 'incoming', letterDate: '2026-11-29', entity: 'وزارة الموارد البشرية والتنمية الاجتماعية', subject: 'تعميم بشأن سياسة العلاقة مع المستفيدين' });
  if (!letter.ok) throw new Error(JSON.stringify(letter));
  const pdf = await policyPdf('خطاب تعميم', RELATIONS_POLICY_PARAGRAPHS, { society: 'وزارة الموارد البشرية والتنمية الاجتماعية', licenceLine: 'خطاب رقم ٤٥٦' });
  const attached = await invoke('letters:attach', { letterId: (letter.value as { id: string }).id, fileName: 'تعميم.pdf', dataBase64: pdf.toString('base64') });
  if (!attached.ok) throw new Error(JSON.stringify(attached));
});
afterAll(async () => {
  await h?.close();
});

describe('PDF attachments drawn in the renderer with pdf.js', { timeout: 90_000 }, () => {
  it('opens a letter, previews its Arabic PDF, pages through it and zooms', async () => {
    const page = h.page;
    await page.getByTestId('nav-letters').click();
    await page.getByTestId('letter-row').first().getByRole('button').first().click();
    await page.getByTestId('letter-detail').waitFor();
    await page.getByTestId('attachment-row').getByRole('button').click();
    const canvas = page.getByTestId('pdf-viewer-canvas');
    await page.locator('[data-testid="pdf-viewer-canvas"][data-rendered="true"]').waitFor();
    await expect(page.getByTestId('pdf-viewer-page-count').textContent()).resolves.toBe('من 2');
    // Something was drawn: the canvas is not blank white.
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(2000);
    await page.getByTestId('attachment-preview').scrollIntoViewIfNeeded();
    await h.page.setViewportSize({ width: 1366, height: 1500 });
    await h.screenshot('pdf-viewer-letter-page-1');

    await page.getByTestId('pdf-viewer-next').click();
    await page.locator('[data-testid="pdf-viewer-canvas"][data-page="2"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('pdf-viewer-next').isDisabled()).toBe(true);
    // Eastern Arabic digits go to a page too.
    await page.getByTestId('pdf-viewer-page-input').fill('١');
    await page.getByTestId('pdf-viewer-page-input').press('Enter');
    await page.locator('[data-testid="pdf-viewer-canvas"][data-page="1"][data-rendered="true"]').waitFor();

    const before = await canvas.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width);
    await page.getByTestId('pdf-viewer-zoom-in').click();
    await page.locator('[data-testid="pdf-viewer-canvas"][data-rendered="true"]').waitFor();
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width)).toBeGreaterThan(before);
    await page.getByTestId('pdf-viewer-fit').click();
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => Math.round(c.getBoundingClientRect().width))).toBe(Math.round(before));
    await h.page.setViewportSize({ width: 1366, height: 860 });

    expect(await h.axeSeriousViolations()).toEqual([]);
    expect(await h.problems()).toEqual([]);
  });
});
