import type { QueueTicketData } from '../document-data';
import { ltr, type DocumentModel } from '../document-model';
import { dateWithTime } from '../paper-dates';
import { headerBlocks, type BuildOptions } from './common';

export function buildQueueTicket(data: QueueTicketData, options: BuildOptions = {}): DocumentModel {
  return {
    kind: 'queue-ticket',
    title: `تذكرة انتظار ${data.ticketNumber}`,
    blocks: [
      ...headerBlocks(data.organisation, 'تذكرة انتظار', options),
      { type: 'text', text: ltr(data.ticketNumber), size: 'huge', bold: true, align: 'center' },
      { type: 'field', label: 'الخدمة', value: data.service },
      { type: 'field', label: 'الكاونتر', value: data.counter.name ? `${data.counter.name} (${ltr(data.counter.code)})` : ltr(data.counter.code) },
      { type: 'field', label: 'وقت الإصدار', value: dateWithTime(new Date(data.issuedAt)) },
      ...(data.waitingBefore != null
        ? [{ type: 'field' as const, label: 'عدد المنتظرين قبلك', value: String(data.waitingBefore) }]
        : []),
      { type: 'text', text: 'يرجى الانتظار حتى يُنادى رقمك.', size: 'small', align: 'center' },
    ],
  };
}
