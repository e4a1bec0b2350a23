/** Every document the counter prints, its input schema and the paper it goes to by default. */
import { z } from 'zod';
import {
  declarationData,
  deliveryReceiptData,
  letterReceiptData,
  queueTicketData,
  requestReceiptData,
  testPageData,
} from './document-data';

export const DOCUMENT_KINDS = [
  'request-receipt',
  'declaration',
  'queue-ticket',
  'letter-receipt',
  'delivery-receipt',
  'test-page',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const documentKind = z.enum(DOCUMENT_KINDS);

export const DOCUMENT_SCHEMAS = {
  'request-receipt': requestReceiptData,
  declaration: declarationData,
  'queue-ticket': queueTicketData,
  'letter-receipt': letterReceiptData,
  'delivery-receipt': deliveryReceiptData,
  'test-page': testPageData,
} as const satisfies Record<DocumentKind, z.ZodType>;

export type DocumentDataOf<K extends DocumentKind> = z.infer<(typeof DOCUMENT_SCHEMAS)[K]>;

/** A request to print: the kind and its data, checked together. */
export type DocumentRequest = { [K in DocumentKind]: { kind: K; data: DocumentDataOf<K> } }[DocumentKind];

export const DOCUMENT_TITLES: Record<DocumentKind, { ar: string; en: string }> = {
  'request-receipt': { ar: 'إيصال استلام طلب', en: 'Request receipt' },
  declaration: { ar: 'إقرار وتعهد', en: 'Signed declaration' },
  'queue-ticket': { ar: 'تذكرة انتظار', en: 'Queue ticket' },
  'letter-receipt': { ar: 'إيصال استلام خطاب', en: 'Letter receipt' },
  'delivery-receipt': { ar: 'إيصال تسليم خدمة', en: 'Service delivery receipt' },
  'test-page': { ar: 'صفحة اختبار الطابعة', en: 'Printer test page' },
};

/** Whether a document is meant for A4 paper (it may still be sent to a thermal printer). */
export const A4_DOCUMENTS: readonly DocumentKind[] = ['declaration'];
