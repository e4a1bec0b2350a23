/**
 * Files travel with their rows through a real PostgreSQL: a letter's PDF attachment and a
 * reference-library document uploaded at counter A are listed and open (same bytes) at counter B;
 * a central file whose bytes do not match its hash is refused at B and reported while the row
 * stays; a second sync sends no file again, nor a file the central store already holds; a counter
 * login may not write `sync_files` directly nor store bytes under a wrong hash; a file damaged on
 * the sending counter is not sent, and its row still travels.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { TestCentral } from '../support/sync-postgres';
import { createTestCounter, type TestCounter, okOn as ok, useSyncFleet } from '../support/sync-counters';
import { makePdf } from '../support/channel-fixtures';
import { call } from '../support/test-core';
import { policyPdf } from '../../main/library/policy-pdf';
import { provisionCounterLogin } from '../../main/central/counter-logins';
import { connectCentral } from '../../main/central/connect';
import type { AttachmentPreview, AttachmentView, LetterDetail, LetterView } from '../../shared/letters/schemas';
import type { LibraryDocumentDetail, LibraryDocumentView, LibraryOpened } from '../../shared/library/schemas';

let central: TestCentral;
const counters = useSyncFleet(54337, (c) => (central = c), { freshEachTest: true });

async function two(urlA?: string): Promise<[TestCounter, TestCounter]> {
  counters.push(await createTestCounter(central, 'K01', urlA ? { url: urlA } : {}), await createTestCounter(central, 'K02'));
  return counters as [TestCounter, TestCounter];
}

/** Syncs and returns the run with its detail lines (the sync history's record). */
async function sync(c: TestCounter) {
  const run = await c.sync();
  const row = await c.core.db.selectFrom('sync_runs' as never).select('detail' as never).where('id' as never, '=', run.id as never).executeTakeFirstOrThrow();
  return { ...run, detail: String((row as { detail: string | null }).detail ?? '') };
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function letterWithPdf(a: TestCounter, pdf: Buffer) {
  const letter = await ok<LetterView>(a, 'letters:create', { kind: 'incoming', letterDate: '2026-11-25', entity: 'وزارة الموارد البشرية', subject: 'خطاب مع مرفق' });
  const att = await ok<AttachmentView>(a, 'letters:attach', { letterId: letter.id, fileName: 'scan.pdf', dataBase64: b64(pdf) });
  return { letter, att };
}

describe('sync carries attachment files', () => {
  it('a letter attachment and a library document from A open at B with the same bytes; a second sync sends nothing again', async () => {
    const [a, b] = await two();
    const pdf = await makePdf('Letter scan travelling to K02');
    const { letter, att } = await letterWithPdf(a, pdf);
    const policy = await policyPdf('سياسة تجريبية', ['الفقرة الأولى من السياسة.', 'الفقرة الثانية.'], { society: 'جمعية الاختبار', licenceLine: 'ترخيص رقم ١' });
    const doc = await ok<LibraryDocumentDetail>(a, 'library:create', { title: 'سياسة تجريبية', description: null, fileName: 'policy.pdf', dataBase64: b64(policy) });

    const first = await sync(a);
    expect(first.status).toBe('ok');
    expect(first.detail).toContain('files: 2 sent, 0 fetched');
    const stored = await central.query<{ sha256: string; size: number; ok: boolean }>(`SELECT sha256, size, encode(sha256(bytes), 'hex') = sha256 AS ok FROM sync_files ORDER BY sha256`);
    expect(stored.map((s) => s.sha256).sort()).toEqual([sha(pdf), sha(policy)].sort());
    expect(stored.every((s) => s.ok)).toBe(true);

    const atB = await sync(b);
    expect(atB.status).toBe('ok');
    expect(atB.detail).toContain('files: 0 sent, 2 fetched');

    // Listed at B …
    const detail = await ok<LetterDetail>(b, 'letters:get', { id: letter.id });
    expect(detail.attachments.map((x) => x.id)).toEqual([att.id]);
    const docs = await ok<LibraryDocumentView[]>(b, 'library:list', {});
    expect(docs.map((d) => d.id)).toEqual([doc.id]);
    // … and openable, byte for byte.
    const preview = await ok<AttachmentPreview>(b, 'letters:preview', { id: att.id });
    expect(Buffer.from(preview.dataBase64, 'base64').equals(pdf)).toBe(true);
    const opened = await ok<LibraryOpened>(b, 'library:open', { versionId: doc.current.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(policy)).toBe(true);
    expect(opened.pageCount).toBe(doc.current.pageCount);
    // The page texts came along: B finds the document by a word of its text.
    const hits = await ok<{ documentId: string }[]>(b, 'library:search', { query: 'الفقرة الثانية' });
    expect(hits.map((h) => h.documentId)).toContain(doc.id);

    // A second round on both: no file crosses again.
    const received = await central.query<{ n: string; at: Date }>('SELECT count(*) AS n, max(received_at) AS at FROM sync_files');
    const again = [await sync(a), await sync(b)];
    for (const r of again) {
      expect(r.status).toBe('ok');
      expect(r.detail).not.toMatch(/files: [1-9]|[1-9]\d* fetched/);
    }
    // The same PDF attached to another letter: a new row, but the central store has its file.
    await letterWithPdf(a, pdf);
    const third = await sync(a);
    expect(third.status).toBe('ok');
    expect(third.detail).not.toMatch(/files: [1-9]/);
    expect(await central.query<{ n: string; at: Date }>('SELECT count(*) AS n, max(received_at) AS at FROM sync_files')).toEqual(received);
    // Retiring at A reaches B (documents merge field by field).
    await ok(a, 'library:retire', { id: doc.id, retired: true });
    await sync(a);
    await sync(b);
    expect(await ok<LibraryDocumentView[]>(b, 'library:list', {})).toEqual([]);
  });

  it('a central file whose bytes do not match its hash is refused at pull and reported; the row stays; a good copy is taken later', async () => {
    const [a, b] = await two();
    const pdf = await makePdf('Tampered on the way');
    const { letter, att } = await letterWithPdf(a, pdf);
    expect((await sync(a)).status).toBe('ok');
    const good = await central.query<{ bytes: Buffer }>('SELECT bytes FROM sync_files WHERE sha256 = $1', [att.sha256]);
    const bad = Buffer.from(pdf);
    bad[bad.length - 10] = bad[bad.length - 10]! ^ 0xff;
    await central.query('UPDATE sync_files SET bytes = $2 WHERE sha256 = $1', [att.sha256, bad]);

    const run = await sync(b);
    expect(run.status).toBe('ok');
    expect(run.mismatches).toBeGreaterThanOrEqual(1);
    expect(run.detail).toContain(`file refused ${att.sha256}`);
    expect(b.core.channels.attachments.has(att.sha256)).toBe(false);
    expect(existsSync(b.core.channels.attachments.pathOf(att.sha256))).toBe(false);
    // The row is kept: the letter lists its attachment; opening says the file is missing.
    const detail = await ok<LetterDetail>(b, 'letters:get', { id: letter.id });
    expect(detail.attachments.map((x) => x.sha256)).toEqual([att.sha256]);
    const refused = await call(b.core, 'letters:preview', { id: att.id });
    expect(refused.ok).toBe(false);

    // Repaired centrally: the next run fetches it, and it opens.
    await central.query('UPDATE sync_files SET bytes = $2 WHERE sha256 = $1', [att.sha256, good[0]!.bytes]);
    const later = await sync(b);
    expect(later.detail).toContain('0 sent, 1 fetched');
    const preview = await ok<AttachmentPreview>(b, 'letters:preview', { id: att.id });
    expect(Buffer.from(preview.dataBase64, 'base64').equals(pdf)).toBe(true);
  });

  it('a file damaged on the sending counter is not sent; its row still travels and the run says so', async () => {
    const [a, b] = await two();
    const pdf = await makePdf('Damaged on the counter');
    const { letter, att } = await letterWithPdf(a, pdf);
    writeFileSync(a.core.channels.attachments.pathOf(att.sha256), Buffer.concat([pdf, Buffer.from('x')]));
    const run = await sync(a);
    expect(run.status).toBe('ok');
    expect(run.detail).toContain(`file not available yet ${att.sha256}`);
    expect(await central.query('SELECT 1 FROM sync_files')).toHaveLength(0);
    const atB = await sync(b);
    expect(atB.detail).toContain(`file not available yet ${att.sha256}`);
    expect((await ok<LetterDetail>(b, 'letters:get', { id: letter.id })).attachments.map((x) => x.id)).toEqual([att.id]);
  });

  it("a counter login writes files only through istiqbal_put_file, as its own device, and only under the bytes' hash", async () => {
    const admin = connectCentral({ url: central.url, sslMode: 'disable' });
    const password = 'Files-login-2026-x';
    const { role } = await provisionCounterLogin(admin.db, 'F01', password);
    await admin.close();
    const u = new URL(central.url);
    u.username = role;
    u.password = password;
    const [a, b] = await two(u.toString());
    const pdf = await makePdf('Through the function only');
    await letterWithPdf(a, pdf);
    expect((await sync(a)).status).toBe('ok');
    expect((await sync(b)).status).toBe('ok');
    expect(await central.query('SELECT 1 FROM sync_files WHERE sha256 = $1', [sha(pdf)])).toHaveLength(1);

    const client = new pg.Client({ connectionString: u.toString() });
    await client.connect();
    try {
      const other = await makePdf('Another file');
      await expect(client.query('INSERT INTO sync_files (sha256, size, bytes, device_id) VALUES ($1, $2, $3, $4)', [sha(other), other.length, other, 'x'])).rejects.toThrow(/permission denied/);
      await expect(client.query('UPDATE sync_files SET bytes = $1', [other])).rejects.toThrow(/permission denied/);
      await expect(client.query('DELETE FROM sync_files')).rejects.toThrow(/permission denied/);
      const devices = await central.query<{ device_id: string; counter_id: string; login_role: string }>('SELECT device_id, counter_id, login_role FROM sync_devices');
      const mine = devices.find((d) => d.login_role === role)!;
      const theirs = devices.find((d) => d.login_role !== role)!;
      // Bytes under another file's hash: refused by the function.
      await expect(client.query('SELECT istiqbal_put_file($1, $2, $3, $4)', [mine.device_id, mine.counter_id, sha(pdf).replace(/^./, (c) => (c === '0' ? '1' : '0')), other])).rejects.toThrow(/do not match the hash/);
      // Another counter's device: refused as in istiqbal_push.
      await expect(client.query('SELECT istiqbal_put_file($1, $2, $3, $4)', [theirs.device_id, theirs.counter_id, sha(other), other])).rejects.toThrow(/belongs to the login/);
      // As itself, with matching bytes: stored once.
      expect((await client.query('SELECT istiqbal_put_file($1, $2, $3, $4) AS s', [mine.device_id, mine.counter_id, sha(other), other])).rows[0].s).toBe(true);
      expect((await client.query('SELECT istiqbal_put_file($1, $2, $3, $4) AS s', [mine.device_id, mine.counter_id, sha(other), other])).rows[0].s).toBe(false);
    } finally {
      await client.end();
    }
  });
});
