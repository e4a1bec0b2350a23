import type { DeliveryReceiptData } from '../document-data';
import { ltr, type DocumentModel } from '../document-model';
import { formatTime } from '../paper-dates';
import { dateFields, headerBlocks, maskedId, servedBy, type BuildOptions } from './common';

export function buildDeliveryReceipt(data: DeliveryReceiptData, options: BuildOptions = {}): DocumentModel {
  const deliveredAt = new Date(data.deliveredAt);
  return {
    kind: 'delivery-receipt',
    title: `إيصال تسليم خدمة ${data.reference}`,
    blocks: [
      ...headerBlocks(data.organisation, 'إيصال تسليم خدمة', options),
      { type: 'text', text: ltr(data.reference), size: 'large', bold: true, align: 'center' },
      { type: 'field', label: 'المستفيد', value: data.beneficiary.name },
      { type: 'field', label: 'رقم الهوية', value: maskedId(data.beneficiary.idNumber) },
      ...data.items.map((item, i) => ({
        type: 'field' as const,
        label: `البند ${i + 1}`,
        value: item.quantity ? `${item.description} — ${item.quantity}` : item.description,
      })),
      ...dateFields('تاريخ التسليم', deliveredAt),
      { type: 'field', label: 'وقت التسليم', value: ltr(formatTime(deliveredAt)) },
      ...servedBy(data.counter, data.staffName),
      { type: 'text', text: 'أقر باستلام ما ورد أعلاه كاملاً وبحالة سليمة.', size: 'normal', align: 'start' },
      { type: 'signature', label: 'توقيع المستلم', signerName: data.beneficiary.name, png: data.signaturePng ?? null },
      { type: 'qr', data: data.reference, caption: null, size: 'small' },
    ],
  };
}
