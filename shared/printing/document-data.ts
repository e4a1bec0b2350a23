/**
 * What each printed document needs, as plain data. The walk-in, letters and requests domains fill
 * these; printing never reads their tables. Dates travel as ISO strings so a job can be stored and
 * reprinted exactly as it was first printed.
 */
import { z } from 'zod';

/** PNG bytes as base64 (no `data:` prefix): the on-screen signature, the society's logo. */
const pngBase64 = z.string().max(2_000_000).regex(/^[A-Za-z0-9+/=]*$/, 'png.invalid');
const isoInstant = z.string().datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const organisationHeader = z.object({
  name: text(120),
  licence: text(20),
  logoPng: pngBase64.nullish(),
});
export type OrganisationHeader = z.infer<typeof organisationHeader>;

export const personOnPaper = z.object({
  name: text(160),
  /** Full number; documents print it masked (first digit, bullets, last four). */
  idNumber: z.string().trim().min(5).max(20),
});

export const counterOnPaper = z.object({ code: text(10), name: z.string().max(60).nullish() });

const common = {
  organisation: organisationHeader,
  counter: counterOnPaper,
  staffName: text(80),
};

export const requestReceiptData = z.object({
  ...common,
  reference: text(40),
  beneficiary: personOnPaper,
  service: text(120),
  submittedAt: isoInstant,
});
export type RequestReceiptData = z.infer<typeof requestReceiptData>;

export const declarationText = z.object({
  /** e.g. `1.0`; printed on the form so a filed paper names the wording it was signed under. */
  version: text(20),
  title: text(120),
  /** Paragraphs; `{name}`, `{id}`, `{reference}` and `{service}` are filled from the request. */
  paragraphs: z.array(z.string().max(2000)).min(1).max(30),
});
export type DeclarationText = z.infer<typeof declarationText>;

export const declarationData = z.object({
  ...common,
  reference: text(40),
  beneficiary: personOnPaper.extend({ mobile: z.string().max(20).nullish() }),
  service: text(120),
  declaration: declarationText,
  /** The request's data summary: label/value pairs in the order to print. */
  summary: z.array(z.object({ label: text(60), value: z.string().max(400) })).max(40),
  signedAt: isoInstant,
  /** The on-screen signature; absent means a blank line for a wet signature. */
  signaturePng: pngBase64.nullish(),
  /** Hash sealing the signed record (computed by the caller); printed small and as a QR code. */
  sealHash: z.string().trim().min(8).max(128),
});
export type DeclarationData = z.infer<typeof declarationData>;

export const queueTicketData = z.object({
  organisation: organisationHeader,
  counter: counterOnPaper,
  ticketNumber: text(12),
  service: text(120),
  issuedAt: isoInstant,
  waitingBefore: z.number().int().min(0).max(999).nullish(),
});
export type QueueTicketData = z.infer<typeof queueTicketData>;

export const letterReceiptData = z.object({
  ...common,
  reference: text(40),
  subject: text(200),
  senderName: text(160),
  receivedAt: isoInstant,
  attachments: z.number().int().min(0).max(999).nullish(),
});
export type LetterReceiptData = z.infer<typeof letterReceiptData>;

export const deliveryReceiptData = z.object({
  ...common,
  reference: text(40),
  beneficiary: personOnPaper,
  items: z.array(z.object({ description: text(200), quantity: z.string().max(40).nullish() })).min(1).max(30),
  deliveredAt: isoInstant,
  signaturePng: pngBase64.nullish(),
});
export type DeliveryReceiptData = z.infer<typeof deliveryReceiptData>;

export const testPageData = z.object({
  organisation: organisationHeader,
  printerName: text(80),
  printedAt: isoInstant,
});
export type TestPageData = z.infer<typeof testPageData>;
