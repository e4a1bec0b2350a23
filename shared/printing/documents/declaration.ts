import type { DeclarationData } from '../document-data';
import { ltr, type DocumentModel } from '../document-model';
import { formatTime } from '../paper-dates';
import { dateFields, fillTemplate, headerBlocks, maskedId, servedBy, type BuildOptions } from './common';

export function buildDeclaration(data: DeclarationData, options: BuildOptions = {}): DocumentModel {
  const signedAt = new Date(data.signedAt);
  const values = {
    name: data.beneficiary.name,
    id: maskedId(data.beneficiary.idNumber),
    reference: ltr(data.reference),
    service: data.service,
  };
  return {
    kind: 'declaration',
    title: `${data.declaration.title} ${data.reference}`,
    blocks: [
      ...headerBlocks(data.organisation, data.declaration.title, options),
      { type: 'field', label: 'رقم الطلب', value: ltr(data.reference) },
      { type: 'field', label: 'مقدم الطلب', value: data.beneficiary.name },
      { type: 'field', label: 'رقم الهوية', value: maskedId(data.beneficiary.idNumber) },
      ...(data.beneficiary.mobile ? [{ type: 'field' as const, label: 'الجوال', value: ltr(data.beneficiary.mobile) }] : []),
      { type: 'field', label: 'الخدمة', value: data.service },
      ...data.summary.map((row) => ({ type: 'field' as const, label: row.label, value: row.value })),
      { type: 'rule' },
      ...data.declaration.paragraphs.map((p) => ({
        type: 'text' as const,
        text: fillTemplate(p, values),
        size: 'normal' as const,
        align: 'start' as const,
      })),
      { type: 'gap' },
      ...dateFields('التاريخ', signedAt),
      { type: 'field', label: 'الوقت', value: ltr(formatTime(signedAt)) },
      ...servedBy(data.counter, data.staffName),
      { type: 'signature', label: 'توقيع مقدم الطلب', signerName: data.beneficiary.name, png: data.signaturePng ?? null },
      { type: 'rule' },
      { type: 'qr', data: data.sealHash, caption: 'ختم التحقق', size: 'small' },
      { type: 'text', text: `بصمة الختم: ${ltr(data.sealHash)}`, size: 'small', align: 'center' },
      { type: 'text', text: `نص الإقرار، الإصدار ${ltr(data.declaration.version)}`, size: 'small', align: 'center' },
    ],
  };
}

/** The society's current wording (version 1.0); settings may supply a newer one later. */
export const DECLARATION_TEXT_V1 = {
  version: '1.0',
  title: 'إقرار وتعهد',
  paragraphs: [
    'أقر أنا {name}، هويتي رقم {id}، بأن جميع البيانات والمستندات التي قدمتها في الطلب رقم {reference} لخدمة ({service}) صحيحة وكاملة، وأتحمل المسؤولية النظامية عن أي بيان غير صحيح.',
    'وأتعهد بإبلاغ الجمعية بأي تغيير يطرأ على حالتي أو حالة أسرتي خلال ثلاثين يوماً من حدوثه، وأوافق على أن تتحقق الجمعية من بياناتي لدى الجهات المختصة لغرض دراسة الطلب فقط.',
    'وأعلم أن الطلب يعرض على لجنة البحث الاجتماعي وأن تقديمه لا يعني الموافقة عليه.',
  ],
};
