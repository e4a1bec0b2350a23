/** Sample data for every printed document, as the walk-in and letters domains will supply it. */
import { createCanvas } from '@napi-rs/canvas';
import type { DocumentRequest } from '../../../shared/printing/document-kinds';
import { DECLARATION_TEXT_V1 } from '../../../shared/printing/documents/declaration';
import { defaultLogoPng } from '../../../main/printing/default-logo';

export const ORG = { name: 'جمعية خزام التعاونية متعددة الأغراض', licence: '334', logoPng: null };
export const COUNTER = { code: 'K01', name: 'الكاونتر الرئيسي' };
export const STAFF = 'نورة القحطاني';
export const REFERENCE = 'R-1448-K01-000123';
export const PERSON = { name: 'محمد بن عبدالله الدوسري', idNumber: '1234567897' };
export const SEAL = '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f1a3c5e7b9d1f';

/** A hand-drawn-looking signature, as the on-screen pad would give. */
export function signaturePng(): string {
  const c = createCanvas(300, 100);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 100);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(20, 70);
  ctx.bezierCurveTo(60, 10, 90, 90, 130, 40);
  ctx.bezierCurveTo(160, 10, 200, 90, 280, 30);
  ctx.stroke();
  return c.encodeSync('png').toString('base64');
}

export function sampleRequests(): Record<DocumentRequest['kind'], DocumentRequest> {
  return {
    'request-receipt': {
      kind: 'request-receipt',
      data: {
        organisation: { ...ORG, logoPng: defaultLogoPng() },
        counter: COUNTER,
        staffName: STAFF,
        reference: REFERENCE,
        beneficiary: PERSON,
        service: 'سلة غذائية (شهرية)',
        submittedAt: '2026-11-29T08:30:00+03:00',
      },
    },
    declaration: {
      kind: 'declaration',
      data: {
        organisation: ORG,
        counter: COUNTER,
        staffName: STAFF,
        reference: REFERENCE,
        beneficiary: { ...PERSON, mobile: '+966501234567' },
        service: 'سلة غذائية',
        declaration: DECLARATION_TEXT_V1,
        summary: [
          { label: 'عدد أفراد الأسرة', value: '6' },
          { label: 'الدخل الشهري', value: '3,500 ريال' },
          { label: 'المدينة', value: 'الرياض' },
        ],
        signedAt: '2026-11-29T08:30:00+03:00',
        signaturePng: signaturePng(),
        sealHash: SEAL,
      },
    },
    'queue-ticket': {
      kind: 'queue-ticket',
      data: { organisation: ORG, counter: COUNTER, ticketNumber: 'A-042', service: 'تقديم طلب مساعدة', issuedAt: '2026-11-29T08:05:00+03:00', waitingBefore: 3 },
    },
    'letter-receipt': {
      kind: 'letter-receipt',
      data: {
        organisation: ORG,
        counter: COUNTER,
        staffName: STAFF,
        reference: 'L-1448-K01-000045',
        subject: 'طلب دعم لأسرة محتاجة (حي النسيم)',
        senderName: 'إمارة منطقة الرياض',
        receivedAt: '2026-11-29T09:10:00+03:00',
        attachments: 2,
      },
    },
    'delivery-receipt': {
      kind: 'delivery-receipt',
      data: {
        organisation: ORG,
        counter: COUNTER,
        staffName: STAFF,
        reference: 'D-1448-K01-000077',
        beneficiary: PERSON,
        items: [{ description: 'سلة غذائية', quantity: '1' }, { description: 'بطانية شتوية', quantity: '2' }],
        deliveredAt: '2026-11-29T11:45:00+03:00',
        signaturePng: null,
      },
    },
    'test-page': { kind: 'test-page', data: { organisation: ORG, printerName: 'طابعة الكاونتر', printedAt: '2026-11-29T08:00:00+03:00' } },
  };
}
