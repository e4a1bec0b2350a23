/**
 * The library screen after two counters each added a version of one document offline (issue #8
 * review, migration 0016): against a real PostgreSQL, the document here lists three versions
 * numbered 3, 2, 1 (the other counter's upload, written first, is 2), exactly one marked current
 * (the document's merged current version, also what the list shows), and the other counter's
 * version opens in the viewer with its file fetched through the sync. Screenshot in Arabic (RTL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { createTestCounter, type TestCounter } from '../support/sync-counters';
import { call } from '../support/test-core';
import { createSyncEngine } from '../../main/sync/sync-engine';
import { policyPdf } from '../../main/library/policy-pdf';
import { RELATIONS_POLICY_PARAGRAPHS, RELATIONS_POLICY_TITLE } from '../../main/library/relations-policy-text';
import type { LibraryDocumentDetail } from '../../shared/library/schemas';

let h: Harness;
let central: TestCentral;
let other: TestCounter;
let doc: LibraryDocumentDetail;
let fromOther: LibraryDocumentDetail;
let fromHere: LibraryDocumentDetail;
const society = { society: 'جمعية خزام التعاونية متعددة الأغراض', licenceLine: 'ترخيص رقم 334' };
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  const r = await h.core.router.invoke(channel, payload, { senderUrl: `${h.origin}/index.html`, isMainFrame: true });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(async () => {
  central = await startTestCentral(54374);
  h = await startHarness();
  other = await createTestCounter(central, 'K02');
  const counterId = (await h.core.db.selectFrom('counters').select('id').executeTakeFirstOrThrow()).id;
  const engine = createSyncEngine({ db: h.core.db, clock: h.core.clock, counterId: async () => counterId, retries: 1, backoffMs: 50, files: h.core.channels.attachments });
  const syncHere = async () => expect((await engine.run('test', { url: central.url, sslMode: 'disable' })).status).toBe('ok');
  const syncOther = async () => expect((await other.sync()).status).toBe('ok');
  const edit = (to: string) => RELATIONS_POLICY_PARAGRAPHS.map((p) => p.replace('خلال مدة لا تقل عن أسبوعين', `خلال ${to}`));

  doc = await invoke<LibraryDocumentDetail>('library:create', { title: RELATIONS_POLICY_TITLE, description: null, fileName: 'سياسة العلاقة.pdf', dataBase64: b64(await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS, society)) });
  await syncHere();
  await syncOther();
  // Offline on both: K02 adds its version 2 (and syncs), then this counter adds its own version 2.
  const r = await call(other.core, 'library:addVersion', { documentId: doc.id, note: 'نسخة كاونتر الفرع', fileName: 'سياسة الفرع.pdf', dataBase64: b64(await policyPdf(RELATIONS_POLICY_TITLE, edit('ثلاثة أسابيع'), society)) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  fromOther = r.value as LibraryDocumentDetail;
  await syncOther();
  fromHere = await invoke<LibraryDocumentDetail>('library:addVersion', { documentId: doc.id, note: 'نسخة الكاونتر الرئيسي', fileName: 'سياسة الرئيسي.pdf', dataBase64: b64(await policyPdf(RELATIONS_POLICY_TITLE, edit('عشرة أيام عمل'), society)) });
  expect([fromOther.current.versionNo, fromHere.current.versionNo]).toEqual([2, 2]);
  await syncHere();
  await syncOther();
}, 240_000);
afterAll(async () => {
  await h?.close();
  await other?.dispose();
  await central?.stop();
});

describe('library after two counters added a version offline', () => {
  it('lists three distinct numbers, one current version, and opens the other counter’s version', async () => {
    const p = h.page;
    await p.getByTestId('nav-library').click();
    await p.getByTestId('library-document-row').waitFor();
    const merged = await invoke<LibraryDocumentDetail>('library:get', { id: doc.id });
    expect(merged.versions.map((v) => [v.versionNo, v.id])).toEqual([
      [3, fromHere.current.id],
      [2, fromOther.current.id],
      [1, doc.current.id],
    ]);
    await expect(p.getByTestId('library-document-row').innerText()).resolves.toContain(`النسخة ${merged.current.versionNo}`);
    await p.getByTestId('library-document-row').getByRole('button', { name: RELATIONS_POLICY_TITLE }).click();
    await p.getByTestId('library-versions').waitFor();
    const rows = p.getByTestId('library-version-row');
    expect(await rows.count()).toBe(3);
    const texts = await rows.allInnerTexts();
    expect(texts.map((x) => /النسخة (\d)/.exec(x)![1])).toEqual(['3', '2', '1']);
    expect(texts[1]).toContain('نسخة كاونتر الفرع');
    expect(texts[0]).toContain('نسخة الكاونتر الرئيسي');
    // Exactly one "current": the version the merged document row names.
    expect(texts.filter((x) => x.includes('النسخة الحالية'))).toHaveLength(1);
    expect(texts[merged.versions.findIndex((v) => v.current)]).toContain('النسخة الحالية');

    await rows.nth(1).getByTestId('library-view-version').click();
    await p.locator('[data-testid="library-viewer-canvas"][data-rendered="true"]').waitFor({ timeout: 30_000 });
    expect(await rows.nth(1).getAttribute('aria-current')).toBe('true');
    await h.screenshot('sync-library-versions');
  });

  it('passes axe, with nothing blocked by the CSP', async () => {
    expect(await h.problems()).toEqual([]);
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
