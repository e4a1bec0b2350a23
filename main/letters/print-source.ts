/**
 * Where printing finds a letter receipt by letter id (`printing:print { kind: 'letter-receipt' }`):
 * the reference, subject, sender and when and by whom it was received. Incoming letters only.
 */
import type { Db } from '../db/open-database';
import type { DocumentSources } from '../printing/document-sources';
import type { OrganisationHeader } from '../../shared/printing/document-data';

export function registerLetterPrintSource(sources: DocumentSources, db: Db, organisation: () => OrganisationHeader | Promise<OrganisationHeader>): void {
  sources.register('letter-receipt', async (id) => {
    const l = await db
      .selectFrom('letters as l')
      .leftJoin('users as u', 'u.id', 'l.created_by')
      .leftJoin('counters as c', 'c.id', 'l.counter_id')
      .select(['l.reference', 'l.kind', 'l.subject', 'l.entity', 'l.created_at', 'u.display_name', 'c.code', 'c.name'])
      .where('l.id', '=', id)
      .where('l.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!l || l.kind !== 'incoming') return null;
    const attachments = await db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_kind', '=', 'letter')
      .where('owner_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return {
      organisation: await organisation(),
      counter: { code: l.code ?? '—', name: l.name ?? null },
      staffName: l.display_name ?? '—',
      reference: l.reference,
      subject: l.subject.slice(0, 200),
      senderName: l.entity.slice(0, 160),
      receivedAt: l.created_at,
      attachments: Number(attachments?.n ?? 0),
    };
  });
}
