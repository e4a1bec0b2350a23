import type { RequestReceiptData } from '../document-data';
import { ltr, type DocumentModel } from '../document-model';
import { earliestDecisionDate } from '../paper-dates';
import { dateFields, headerBlocks, maskedId, servedBy, type BuildOptions } from './common';

export function buildRequestReceipt(data: RequestReceiptData, options: BuildOptions = {}): DocumentModel {
  const submitted = new Date(data.submittedAt);
  return {
    kind: 'request-receipt',
    title: `إيصال استلام طلب ${data.reference}`,
    blocks: [
      ...headerBlocks(data.organisation, 'إيصال استلام طلب', options),
      { type: 'text', text: ltr(data.reference), size: 'large', bold: true, align: 'center' },
      { type: 'field', label: 'المستفيد', value: data.beneficiary.name },
      { type: 'field', label: 'رقم الهوية', value: maskedId(data.beneficiary.idNumber) },
      { type: 'field', label: 'الخدمة', value: data.service },
      ...dateFields('تاريخ التقديم', submitted),
      ...dateFields('أقرب موعد لقرار اللجنة', earliestDecisionDate(submitted)),
      ...servedBy(data.counter, data.staffName),
      { type: 'rule' },
      { type: 'qr', data: data.reference, caption: 'رمز الطلب للمتابعة', size: 'normal' },
      {
        type: 'text',
        text: 'يُعرض الطلب على لجنة البحث الاجتماعي، ولا يصدر قرار قبل مرور 14 يوماً من تاريخ التقديم. احتفظ بهذا الإيصال.',
        size: 'small',
        align: 'center',
      },
    ],
  };
}
