/**
 * The letter receipt through the printing engineer's API: the source registered by the letters
 * domain gives valid data for an incoming letter (none for an outgoing one), and it renders to a
 * real PDF whose text pdftotext reads back.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../support/test-core';
import { actorOf, makePng } from '../support/channel-fixtures';
import { letterInput } from '../../shared/letters/schemas';
import type { DocumentRequest } from '../../shared/printing/document-kinds';

let core: Awaited<ReturnType<typeof createTestCore>>;
const clean = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, '');

beforeAll(async () => {
  core = await createTestCore();
});
afterAll(async () => {
  await core?.dispose();
});

describe('letter receipt printing', () => {
  it('prints an incoming letter receipt as an Arabic PDF, and refuses an outgoing letter', async () => {
    const actor = actorOf(core);
    const l = await core.channels.letters.create(actor, letterInput.parse({ kind: 'incoming', letterDate: '2026-11-25', entity: 'أمانة المنطقة الشرقية', subject: 'دعوة لاجتماع التنسيق' }));
    await core.channels.letters.attach(actor, l.id, 'scan.png', makePng().toString('base64'));
    const source = core.printing.sources.get('letter-receipt')!;
    const data = await source(l.id, actor);
    expect(data).toMatchObject({ reference: l.reference, subject: 'دعوة لاجتماع التنسيق', senderName: 'أمانة المنطقة الشرقية', attachments: 1 });
    const pdf = await core.printing.pdf({ kind: 'letter-receipt', data } as DocumentRequest);
    const file = join(core.dir, 'letter-receipt.pdf');
    writeFileSync(file, pdf);
    const text = clean(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
    expect(text).toContain(clean('دعوة لاجتماع التنسيق'));
    expect(text).toContain('K01-000001');

    const out = await core.channels.letters.create(actor, letterInput.parse({ kind: 'outgoing', letterDate: '2026-11-25', entity: 'x', subject: 'y' }));
    expect(await source(out.id, actor)).toBeNull();
  });
});
