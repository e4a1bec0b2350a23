/**
 * The reference library through the router on a real SQLite file: an administrator uploads the
 * society's relations policy as a real Arabic PDF (drawn by the printing domain); its text is read
 * per page by pdf.js in the core and searched with the registry's Arabic normalisation, each hit
 * giving the page that poppler's pdftotext also finds the words on. A new version keeps the old
 * one; retiring hides a document; officers read, only administrators write; every write audited.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SOURCE, call, createTestCore, TEST_ADMIN } from '../support/test-core';
import { seedDemoLibrary } from '../../main/library/seed-demo-library';
import { makePng } from '../support/channel-fixtures';
import { policyPdf } from '../../main/library/policy-pdf';
import { RELATIONS_POLICY_PARAGRAPHS, RELATIONS_POLICY_TITLE } from '../../main/library/relations-policy-text';
import type { LibraryDocumentDetail, LibraryDocumentView, LibraryHit, LibraryOpened } from '../../shared/library/schemas';

let core: Awaited<ReturnType<typeof createTestCore>>;
let v1: Buffer;
let v2: Buffer;
let doc: LibraryDocumentDetail;
const society = { society: 'جمعية خزام التعاونية متعددة الأغراض', licenceLine: 'ترخيص رقم 334' };
// The second version answers within ten working days instead of two weeks.
const revised = RELATIONS_POLICY_PARAGRAPHS.map((p) => p.replace('خلال مدة لا تقل عن أسبوعين', 'خلال عشرة أيام عمل'));

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** The page (from 1) on which poppler finds the words, to check pdf.js's page against. */
function popplerPageOf(pdf: Buffer, words: string): number {
  const file = join(core.dir, `check-${createHash('sha1').update(pdf).digest('hex')}.pdf`);
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
  for (let n = 1; n <= pages; n++) {
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', file, '-']).toString('utf8');
    if (text.replace(/\s+/g, ' ').includes(words)) return n;
  }
  return 0;
}

beforeAll(async () => {
  core = await createTestCore();
  v1 = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS, society);
  v2 = await policyPdf(RELATIONS_POLICY_TITLE, revised, society);
  const r = await call(core, 'users:create', { username: 'reception.one', displayName: 'موظف الاستقبال', role: 'receptionist', password: 'Reception-pass-2026' });
  expect(r.ok).toBe(true);
});
afterAll(async () => {
  await core.dispose();
});

describe('reference library', { timeout: 60_000 }, () => {
  it('stores an uploaded policy PDF by its content hash, with its text read page by page', async () => {
    doc = await ok<LibraryDocumentDetail>('library:create', { title: RELATIONS_POLICY_TITLE, description: 'اعتمدها مجلس الإدارة في جلسته رقم 2/23', fileName: 'relations-policy.pdf', dataBase64: b64(v1) });
    expect(doc).toMatchObject({ title: RELATIONS_POLICY_TITLE, retired: false, versionCount: 1, current: { versionNo: 1, current: true, fileName: 'relations-policy.pdf', size: v1.length } });
    const sha = createHash('sha256').update(v1).digest('hex');
    expect(doc.current.sha256).toBe(sha);
    expect(readFileSync(join(core.dir, 'attachments', sha.slice(0, 2), sha)).equals(v1)).toBe(true);
    // Listed in attachments, so a clean-up of orphaned files sees it in use.
    const att = await core.db.selectFrom('attachments').selectAll().where('owner_kind', '=', 'library_version').execute();
    expect(att.map((a) => [a.owner_id, a.sha256])).toEqual([[doc.current.id, sha]]);
    const pages = await core.db.selectFrom('library_pages').select(['page_no', 'text']).where('version_id', '=', doc.current.id).orderBy('page_no').execute();
    expect(pages.length).toBe(doc.current.pageCount);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.text).toContain('الأهداف التفصيلية');
  });

  it('finds words whatever their hamza, taa marbuta or digits, on the page poppler finds them', async () => {
    const hits = await ok<LibraryHit[]>('library:search', { query: 'الاهداف التفصيليه' });
    const pageHit = hits.find((h) => h.page > 0)!;
    expect(pageHit).toMatchObject({ documentId: doc.id, versionId: doc.current.id, title: RELATIONS_POLICY_TITLE });
    expect(pageHit.page).toBe(popplerPageOf(v1, 'الأهداف التفصيلية'));
    expect(pageHit.snippet).toContain('الأهداف التفصيلية');

    const weeks = (await ok<LibraryHit[]>('library:search', { query: 'لا تقل عن اسبوعين' })).filter((h) => h.page > 0);
    expect(weeks).toHaveLength(1);
    expect(weeks[0]!.page).toBe(popplerPageOf(v1, 'أسبوعين'));
    expect(weeks[0]!.page).toBeGreaterThan(1);
    expect(weeks[0]!.snippet).toContain('أسبوعين');

    // Eastern Arabic digits find the board's approval date.
    const year = await ok<LibraryHit[]>('library:search', { query: '٢٠٢٣' });
    expect(year.map((h) => h.page)).toEqual([popplerPageOf(v1, '2023')]);

    const title = await ok<LibraryHit[]>('library:search', { query: 'سياسه تنظيم' });
    expect(title[0]).toMatchObject({ page: 0, documentId: doc.id });
    expect(await ok<LibraryHit[]>('library:search', { query: 'كلمةغيرموجودة' })).toEqual([]);
    expect(await ok<LibraryHit[]>('library:search', { query: ' %_ ' })).toEqual([]);
  });

  it('a new version becomes current, keeps the old one readable, and only the current one is searched', async () => {
    const updated = await ok<LibraryDocumentDetail>('library:addVersion', { documentId: doc.id, note: 'مدة الرد عشرة أيام عمل', fileName: 'relations-policy-1448.pdf', dataBase64: b64(v2) });
    expect(updated.versionCount).toBe(2);
    expect(updated.current).toMatchObject({ versionNo: 2, current: true, note: 'مدة الرد عشرة أيام عمل' });
    expect(updated.versions.map((v) => [v.versionNo, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const old = await ok<LibraryOpened>('library:open', { versionId: doc.current.id });
    expect(Buffer.from(old.dataBase64, 'base64').equals(v1)).toBe(true);
    expect(old).toMatchObject({ versionNo: 1, title: RELATIONS_POLICY_TITLE, pageCount: doc.current.pageCount });

    expect((await ok<LibraryHit[]>('library:search', { query: 'أسبوعين' })).filter((h) => h.page > 0)).toEqual([]);
    const days = (await ok<LibraryHit[]>('library:search', { query: 'عشره ايام عمل' })).filter((h) => h.page > 0);
    expect(days).toHaveLength(1);
    expect(days[0]!.versionId).toBe(updated.current.id);
    expect(days[0]!.page).toBe(popplerPageOf(v2, 'عشرة أيام عمل'));
    doc = updated;
  });

  it('retiring hides a document from the list and the search; bringing it back shows it again', async () => {
    await ok('library:retire', { id: doc.id, retired: true });
    expect(await ok<LibraryDocumentView[]>('library:list', {})).toEqual([]);
    expect(await ok<LibraryHit[]>('library:search', { query: 'الأهداف' })).toEqual([]);
    const all = await ok<LibraryDocumentView[]>('library:list', { includeRetired: true });
    expect(all.map((d) => [d.id, d.retired])).toEqual([[doc.id, true]]);
    await ok('library:retire', { id: doc.id, retired: false });
    expect((await ok<LibraryDocumentView[]>('library:list', {})).map((d) => d.id)).toEqual([doc.id]);
  });

  it('refuses a file that is not a PDF and a PDF that cannot be read, changing nothing', async () => {
    const count = async () => Number((await core.db.selectFrom('library_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const png = await call(core, 'library:addVersion', { documentId: doc.id, fileName: 'policy.pdf', dataBase64: b64(makePng()) });
    expect(png).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { ar: 'مستندات المكتبة ملفات PDF فقط.' } } });
    const broken = await call(core, 'library:create', { title: 'دليل تالف', fileName: 'broken.pdf', dataBase64: b64(Buffer.from('%PDF-1.7\nnot really a pdf')) });
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((broken as { error: { message: { ar: string } } }).error.message.ar).toContain('تعذر قراءة ملف PDF');
    const noTitle = await call(core, 'library:create', { title: '  ', fileName: 'x.pdf', dataBase64: b64(v1) });
    expect(noTitle).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await count()).toBe(before);
  });

  it('lets every officer read and search, and only administrators upload, replace or retire', async () => {
    const signedIn = await call(core, 'auth:signIn', { username: 'reception.one', password: 'Reception-pass-2026' });
    expect(signedIn.ok).toBe(true);
    expect((await ok<LibraryDocumentView[]>('library:list', {})).map((d) => d.id)).toEqual([doc.id]);
    expect((await ok<LibraryHit[]>('library:search', { query: 'القنوات' })).length).toBeGreaterThan(0);
    const opened = await ok<LibraryOpened>('library:open', { versionId: doc.current.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(v2)).toBe(true);
    for (const [channel, payload] of [
      ['library:create', { title: 'لائحة', fileName: 'a.pdf', dataBase64: b64(v1) }],
      ['library:addVersion', { documentId: doc.id, fileName: 'a.pdf', dataBase64: b64(v1) }],
      ['library:retire', { id: doc.id, retired: true }],
    ] as const) {
      expect(await call(core, channel, payload), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const back = await call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect(back.ok).toBe(true);
  });

  it('audits every write with who did it, in the hash chain', async () => {
    const entries = await core.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'user_id']).where('entity', '=', 'library_document').orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(new Set(entries.map((e) => e.entity_id))).toEqual(new Set([doc.id]));
    const admin = await core.db.selectFrom('users').select('id').where('username', '=', TEST_ADMIN.username).executeTakeFirstOrThrow();
    expect(new Set(entries.map((e) => e.user_id))).toEqual(new Set([admin.id]));
    expect(existsSync(join(core.dir, 'attachments'))).toBe(true);
  });
});

describe('demo library', { timeout: 60_000 }, () => {
  it('seeds the relations policy once, searchable, through the library service', async () => {
    const fresh = await createTestCore();
    try {
      const s = fresh.sessions.current()!;
      const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
      expect(await seedDemoLibrary(fresh, actor)).toBe(1);
      expect(await seedDemoLibrary(fresh, actor)).toBe(0);
      const r = await fresh.router.invoke('library:search', { query: 'القنوات المستخدمة' }, APP_SOURCE);
      if (!r.ok) throw new Error(JSON.stringify(r));
      expect((r.value as LibraryHit[]).some((h) => h.page > 0 && h.title === RELATIONS_POLICY_TITLE)).toBe(true);
    } finally {
      await fresh.dispose();
    }
  });
});
