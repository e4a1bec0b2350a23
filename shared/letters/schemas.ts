/**
 * The letters register (الصادر والوارد): each incoming or outgoing letter with its reference,
 * dates in both calendars, the other party, subject and routing, its reply chain and attachments.
 */
import { z } from 'zod';
import { choice, optionalGregorianDay, optionalText, requiredText } from '../validation/fields';
import { LETTER_KINDS } from './reference-pattern';

export const LETTER_STATUSES = ['registered', 'routed', 'answered', 'closed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** Attachments: scanned PDFs and images, recognised by their bytes, never by their name. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const letterInput = z.object({
  kind: choice(LETTER_KINDS),
  letterDate: optionalGregorianDay.refine((d) => d !== null, 'required'),
  entity: requiredText(200),
  externalNumber: optionalText(60),
  subject: requiredText(300),
  summary: optionalText(4000),
  beneficiaryId: z.string().uuid().nullish().transform((v) => v ?? null),
  routedTo: optionalText(120),
  replyDue: optionalGregorianDay,
  inReplyToId: z.string().uuid().nullish().transform((v) => v ?? null),
});
export type LetterInput = z.input<typeof letterInput>;
export type LetterData = z.output<typeof letterInput>;

export const letterUpdate = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  status: z.enum(LETTER_STATUSES),
  routedTo: optionalText(120),
  replyDue: optionalGregorianDay,
});

export const letterView = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.enum(LETTER_KINDS),
  letterDate: z.string(),
  entity: z.string(),
  externalNumber: z.string().nullable(),
  subject: z.string(),
  summary: z.string().nullable(),
  beneficiaryId: z.string().nullable(),
  beneficiaryName: z.string().nullable(),
  routedTo: z.string().nullable(),
  replyDue: z.string().nullable(),
  status: z.enum(LETTER_STATUSES),
  inReplyToId: z.string().nullable(),
  attachmentCount: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string(),
  version: z.number().int(),
});
export type LetterView = z.infer<typeof letterView>;

export const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const letterDetail = z.object({
  letter: letterView,
  /** The whole thread this letter belongs to, oldest first, each with its depth under the first. */
  chain: z.array(letterView.extend({ depth: z.number().int() })),
  attachments: z.array(attachmentView),
});
export type LetterDetail = z.infer<typeof letterDetail>;

export const letterSearch = z.object({
  query: z.string().max(100, 'tooLong').default(''),
  kind: z.enum(LETTER_KINDS).nullish(),
  status: z.enum(LETTER_STATUSES).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const attachmentUpload = z.object({
  letterId: z.string().uuid(),
  fileName: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  /** Base64 of the file's bytes; the limit leaves room for base64's third on top of the byte limit. */
  dataBase64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, 'attachment.tooLarge'),
});

export const attachmentPreview = z.object({
  id: z.string(),
  mime: z.enum(ATTACHMENT_TYPES),
  /**
   * The file's bytes (base64, within the upload limit): an image is shown as it is, a PDF is drawn
   * page by page with pdf.js in the renderer. The renderer never sees a path.
   */
  dataBase64: z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8),
});
export type AttachmentPreview = z.infer<typeof attachmentPreview>;

export const letterReceipt = z.object({
  letterId: z.string(),
  reference: z.string(),
  subject: z.string(),
  entity: z.string(),
  letterDate: z.string(),
  receivedAt: z.string(),
  receivedGregorian: z.string(),
  receivedHijri: z.string(),
  receivedBy: z.string(),
  counterName: z.string(),
  organisation: z.string(),
});
export type LetterReceipt = z.infer<typeof letterReceipt>;
