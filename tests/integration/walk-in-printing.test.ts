/**
 * The counter's documents through the printing engineer's API: the sources registered by the
 * walk-ins domain give valid data for the queue ticket, the request receipt, the declaration
 * (unsigned for paper, then sealed with the on-screen signature) and the delivery receipt, and
 * each renders to a real PDF whose text pdftotext reads back.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { DocumentKind, DocumentRequest } from '../../shared/printing/document-kinds';
import type { RequestView } from '../../shared/requests/schemas';
import type { Actor } from '../../main/core/actor';

let core: Awaited<ReturnType<typeof createTestCore>>;
let actor: Actor;
let beneficiaryId: string;

const clean = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, '');

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function pdfText(kind: DocumentKind, recordId: string): Promise<string> {
  const data = await core.printing.sources.get(kind)!(recordId, actor);
  expect(data).not.toBeNull();
  const pdf = await core.printing.pdf({ kind, data } as DocumentRequest);
  const file = join(core.dir, `${kind}.pdf`);
  writeFileSync(file, pdf);
  return clean(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
}

beforeAll(async () => {
  core = await createTestCore();
  const s = core.sessions.current()!;
  actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  beneficiaryId = (await core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
  await recordConsent(core, beneficiaryId);
});
afterAll(async () => {
  await core?.dispose();
});

describe('walk-in documents printed through the printing API', () => {
  it('prints the queue ticket, the declaration, the receipt and the delivery receipt as Arabic PDFs', async () => {
    const ticket = await ok<{ id: string; label: string }>('walkIns:takeTicket', { serviceKey: 'support' });
    const ticketText = await pdfText('queue-ticket', ticket.id);
    expect(ticketText).toContain('A-001');
    expect(ticketText).toContain(clean('طلب دعم مستفيد'));

    let r = await ok<RequestView>('requests:createDraft', { beneficiaryId, data: { supportType: 'food_basket', items: 'سلة غذائية', justification: 'دخل محدود' } });
    for (const item of r.checklist) {
      r = await ok('requests:verifyItem', { requestId: r.id, itemId: item.id, verified: true, documentNumber: item.needsNumber ? '123456' : null, expiryDate: item.needsExpiry ? '2031-01-01' : null });
    }
    // Before signing: the form to sign on paper, with the applicant's data filled in.
    const blank = await pdfText('declaration', r.id);
    // (pdftotext drops the glyph ط from this font's mapping, so the checks avoid it.)
    expect(blank).toContain(clean('أقر أنا أحمد محمد عبد الله'));
    expect(blank).toContain(clean('خلال مدة لا تقل عن أسبوعين'));
    expect(blank).toContain(clean('مسؤول مسؤولية مباشرة عن صحة المعلومات'));
    expect(await core.printing.sources.get('request-receipt')!(r.id, actor)).toBeNull();

    r = await ok('requests:sign', { id: r.id, version: r.version, method: 'paper' });
    r = await ok('requests:submit', { id: r.id, version: r.version });
    const receipt = await pdfText('request-receipt', r.id);
    expect(receipt).toContain(r.reference!);
    const sealed = await core.printing.sources.get('declaration')!(r.id, actor);
    expect(sealed).toMatchObject({ reference: r.reference, sealHash: r.seal!.hash });

    r = await ok('requests:decide', { id: r.id, decision: 'accept', reason: 'مستحق' });
    r = await ok('requests:deliver', { id: r.id, description: 'سلة غذائية', quantity: '2', deliveredOn: '2026-12-20' });
    const delivery = await pdfText('delivery-receipt', r.deliveries[0]!.id);
    expect(delivery).toContain(r.deliveries[0]!.reference);
    expect(delivery).toContain(clean('سلة غذائية'));
  });

  it('queues a print job by record id through the router', async () => {
    const ticket = await ok<{ id: string }>('walkIns:takeTicket', { serviceKey: 'inquiry' });
    const job = await call(core, 'printing:print', { kind: 'queue-ticket', recordId: ticket.id });
    // No printer is configured in a test core: the job is refused or recorded, never a crash.
    if (!job.ok) expect(job.error.message.ar.length).toBeGreaterThan(5);
    else expect(job.value).toMatchObject({ kind: 'queue-ticket' });
  });
});
