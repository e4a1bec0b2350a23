import type { LetterReceiptData } from '../document-data';
import { ltr, type DocumentModel } from '../document-model';
import { formatTime } from '../paper-dates';
import { dateFields, headerBlocks, servedBy, type BuildOptions } from './common';

export function buildLetterReceipt(data: LetterReceiptData, options: BuildOptions = {}): DocumentModel {
  const receivedAt = new Date(data.receivedAt);
  return {
    kind: 'letter-receipt',
    title: `إيصال استلام خطاب ${data.reference}`,
    blocks: [
      ...headerBlocks(data.organisation, 'إيصال استلام خطاب', options),
      { type: 'text', text: ltr(data.reference), size: 'large', bold: true, align: 'center' },
      { type: 'field', label: 'المرسل', value: data.senderName },
      { type: 'field', label: 'الموضوع', value: data.subject },
      ...(data.attachments != null ? [{ type: 'field' as const, label: 'المرفقات', value: String(data.attachments) }] : []),
      ...dateFields('تاريخ الاستلام', receivedAt),
      { type: 'field', label: 'وقت الاستلام', value: ltr(formatTime(receivedAt)) },
      ...servedBy(data.counter, data.staffName),
      { type: 'rule' },
      { type: 'qr', data: data.reference, caption: 'رقم الخطاب للمتابعة', size: 'normal' },
    ],
  };
}
