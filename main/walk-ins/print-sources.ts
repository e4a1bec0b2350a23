/**
 * Where printing finds the counter's documents by record id: the queue ticket, the request
 * receipt, the declaration (signed, or blank for a wet signature) and the delivery receipt.
 * Registered with `core.printing.sources` in one line of create-core.ts.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';
import type { DocumentSources } from '../printing/document-sources';
import type { OrganisationHeader } from '../../shared/printing/document-data';
import { beneficiaryBrief, userNames } from './lookups';
import { currentDeclaration, filledDeclaration } from '../requests/declaration-fill';

async function counterOf(db: Db, counterId: string) {
  const c = await db.selectFrom('counters').select(['code', 'name']).where('id', '=', counterId).executeTakeFirst();
  return { code: c?.code ?? '—', name: c?.name ?? null };
}

async function staffName(db: Db, userId: string): Promise<string> {
  return (await userNames(db, [userId])).get(userId) || '—';
}

async function typeName(db: Db, key: string): Promise<string> {
  return (await db.selectFrom('support_types').select('name_ar').where('key', '=', key).executeTakeFirst())?.name_ar ?? key;
}

export function registerCounterPrintSources(sources: DocumentSources, db: Db, organisation: () => OrganisationHeader | Promise<OrganisationHeader>): void {
  sources.register('queue-ticket', async (id) => {
    const t = await db.selectFrom('queue_tickets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!t) return null;
    const service = await db.selectFrom('queue_services').select('name_ar').where('key', '=', t.service_key).executeTakeFirst();
    const ahead = await db
      .selectFrom('queue_tickets')
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .where('counter_id', '=', t.counter_id)
      .where('day', '=', t.day)
      .where('status', '=', 'waiting')
      .where('arrived_at', '<', t.arrived_at)
      .executeTakeFirst();
    return {
      organisation: await organisation(),
      counter: await counterOf(db, t.counter_id),
      ticketNumber: t.label,
      service: service?.name_ar ?? t.service_key,
      issuedAt: t.arrived_at,
      waitingBefore: Number(ahead?.c ?? 0),
    };
  });

  sources.register('request-receipt', async (id) => {
    const r = await db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || !r.reference || !r.submitted_at) return null;
    const b = await beneficiaryBrief(db, r.beneficiary_id);
    return {
      organisation: await organisation(),
      counter: await counterOf(db, r.counter_id),
      staffName: await staffName(db, r.updated_by),
      reference: r.reference,
      beneficiary: { name: b.fullName, idNumber: b.idNumber },
      service: await typeName(db, r.support_type),
      submittedAt: r.submitted_at,
    };
  });

  sources.register('declaration', async (id, actor) => {
    const r = await db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    const b = await beneficiaryBrief(db, r.beneficiary_id);
    const now = new Date();
    const current = await currentDeclaration(db);
    const text = r.declaration_text ?? (await filledDeclaration(db, r, current.text_ar, now));
    // An unsigned form printed for a wet signature carries a fingerprint of its text, not a seal.
    const seal = r.seal_hash ?? `unsigned-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    return {
      organisation: await organisation(),
      counter: await counterOf(db, r.counter_id),
      staffName: await staffName(db, actor.userId),
      reference: r.reference ?? 'مسودة',
      beneficiary: { name: b.fullName, idNumber: b.idNumber, mobile: b.mobile.replace(/^\+966/, '0') },
      service: await typeName(db, r.support_type),
      declaration: { version: String(r.declaration_version ?? current.version), title: 'إقرار مقدم طلب الدعم', paragraphs: [text] },
      summary: [
        { label: 'نوع الدعم', value: await typeName(db, r.support_type) },
        ...(r.amount !== null ? [{ label: 'المبلغ المطلوب', value: `${r.amount} ريال` }] : []),
        ...(r.items ? [{ label: 'المطلوب', value: r.items }] : []),
        { label: 'مبررات الطلب', value: r.justification.slice(0, 400) },
      ],
      signedAt: r.signed_at ?? now.toISOString(),
      signaturePng: r.signature_method === 'screen' && r.signature_png ? r.signature_png.replace(/^data:image\/png;base64,/, '') : null,
      sealHash: seal,
    };
  });

  sources.register('delivery-receipt', async (id) => {
    const d = await db.selectFrom('service_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) return null;
    const b = await beneficiaryBrief(db, d.beneficiary_id);
    const quantity = d.quantity !== null ? String(d.quantity) : d.amount !== null ? `${d.amount} ريال` : null;
    return {
      organisation: await organisation(),
      counter: await counterOf(db, d.counter_id),
      staffName: await staffName(db, d.created_by),
      reference: d.reference,
      beneficiary: { name: b.fullName, idNumber: b.idNumber },
      items: [{ description: d.description, quantity }],
      deliveredAt: d.created_at,
    };
  });
}
