/**
 * Letter attachments through the router: real PDF and PNG bytes stored under their hash in the
 * data folder; wrong types (whatever the file name says), oversize files and path tricks refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createTestCore, call } from '../support/test-core';
import { actorOf, makePdf, makePng } from '../support/channel-fixtures';
import { letterInput } from '../../shared/letters/schemas';
import { MAX_ATTACHMENT_BYTES } from '../../shared/letters/schemas';
import { createAttachmentStore, displayFileName } from '../../main/attachments/attachment-store';

let c: Awaited<ReturnType<typeof createTestCore>>;
let letterId: string;
beforeAll(async () => {
  c = await createTestCore();
  const l = await c.channels.letters.create(actorOf(c), letterInput.parse({ kind: 'incoming', letterDate: '2026-11-20', entity: 'أمانة المنطقة', subject: 'خطاب مع مرفقات' }));
  letterId = l.id;
});
afterAll(async () => {
  await c?.dispose();
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('letter attachments', () => {
  it('stores a scanned PDF under its SHA-256 beside the database and hands its bytes back for the in-app viewer', async () => {
    const pdf = await makePdf();
    const r = await call(c, 'letters:attach', { letterId, fileName: 'scan.pdf', dataBase64: b64(pdf) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(r.value).toMatchObject({ mime: 'application/pdf', size: pdf.length, sha256: sha, fileName: 'scan.pdf' });
    const onDisk = join(c.dir, 'attachments', sha.slice(0, 2), sha);
    expect(readFileSync(onDisk).equals(pdf)).toBe(true);
    // Stored with no extension and not executable.
    expect(statSync(onDisk).mode & 0o111).toBe(0);

    const p = await call(c, 'letters:preview', { id: (r.value as { id: string }).id });
    if (!p.ok) throw new Error(JSON.stringify(p));
    // The preview is the file's own bytes: the renderer draws PDF pages with pdf.js (no poppler on Windows).
    const preview = p.value as { mime: string; dataBase64: string };
    expect(preview.mime).toBe('application/pdf');
    expect(Buffer.from(preview.dataBase64, 'base64').equals(pdf)).toBe(true);
  });

  it('keeps one file for the same bytes attached twice', async () => {
    const png = makePng();
    const a = await call(c, 'letters:attach', { letterId, fileName: 'photo.png', dataBase64: b64(png) });
    const b = await call(c, 'letters:attach', { letterId, fileName: 'same-photo.png', dataBase64: b64(png) });
    expect(a.ok && b.ok).toBe(true);
    const sha = createHash('sha256').update(png).digest('hex');
    expect(readdirSync(join(c.dir, 'attachments', sha.slice(0, 2))).filter((f) => f === sha)).toHaveLength(1);
    const detail = await c.channels.letters.get(letterId);
    expect(detail.attachments.map((x) => x.fileName)).toEqual(['scan.pdf', 'photo.png', 'same-photo.png']);
    expect(detail.letter.attachmentCount).toBe(3);
  });

  it('refuses a file whose bytes are not a PDF or an image, whatever its name says', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const script = Buffer.from('#!/bin/sh\nrm -rf /\n');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    for (const [bytes, name] of [[exe, 'letter.pdf'], [script, 'scan.png'], [html, 'image.jpg']] as const) {
      const r = await call(c, 'letters:attach', { letterId, fileName: name, dataBase64: b64(bytes) });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message.ar).toContain('نوع الملف غير مقبول');
      }
    }
    // A PNG named .exe is a PNG.
    const png = await call(c, 'letters:attach', { letterId, fileName: 'image.exe', dataBase64: b64(makePng(5, 5)) });
    expect(png.ok && (png.value as { mime: string }).mime).toBe('image/png');
  });

  it('refuses a file over the size limit, at the router and in the store', async () => {
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0);
    Buffer.from('%PDF-1.7\n').copy(big);
    const r = await call(c, 'letters:attach', { letterId, fileName: 'big.pdf', dataBase64: b64(big) });
    expect(r.ok).toBe(false);
    const store = createAttachmentStore(join(c.dir, 'attachments'));
    expect(() => store.put(big)).toThrow(/larger than the limit/);
    expect(() => store.put(new Uint8Array())).toThrow(/empty/);
  });

  it('refuses path tricks: names are display text only and hashes are the only way to a file', async () => {
    const r = await call(c, 'letters:attach', { letterId, fileName: '../../../etc/passwd\u202Egnp.pdf', dataBase64: b64(await makePdf('x')) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect((r.value as { fileName: string }).fileName).toBe('passwdgnp.pdf');
    expect(displayFileName('C:\\Windows\\system32\\..\\evil.pdf')).toBe('evil.pdf');
    expect(displayFileName('.hidden')).toBe('hidden');
    const store = createAttachmentStore(join(c.dir, 'attachments'));
    for (const trick of ['../../istiqbal.sqlite', '/etc/passwd', 'a'.repeat(63) + '/', '..%2f..%2fetc', '0'.repeat(64) + '/../x']) {
      expect(() => store.get(trick)).toThrow();
    }
    // The preview channel takes an attachment id, never a path.
    const byPath = await call(c, 'letters:preview', { id: '../../istiqbal.sqlite' });
    expect(byPath.ok).toBe(false);
    if (!byPath.ok) expect(byPath.error.code).toBe('VALIDATION');
    // Base64 with junk is refused rather than half-decoded.
    const junk = await call(c, 'letters:attach', { letterId, fileName: 'x.pdf', dataBase64: 'JVBERi0x*&^' });
    expect(junk.ok).toBe(false);
  });

  it('refuses to attach to a letter that does not exist, and writes no row', async () => {
    const before = await c.db.selectFrom('attachments').select('id').execute();
    const r = await call(c, 'letters:attach', { letterId: '0190a0a0-0000-7000-8000-000000000000', fileName: 'a.pdf', dataBase64: b64(await makePdf()) });
    expect(r.ok).toBe(false);
    expect(await c.db.selectFrom('attachments').select('id').execute()).toHaveLength(before.length);
  });
});
