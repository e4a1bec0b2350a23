/**
 * The reference library: the society's policy documents (its basic regulation, the social-research
 * services guide, the beneficiary-support policy guide, the support request form, the relations
 * policy), uploaded as PDFs by an administrator, versioned, read in the app and searched by text.
 */
import { z } from 'zod';
import { optionalText, requiredText } from '../validation/fields';
import { MAX_ATTACHMENT_BYTES } from '../letters/schemas';

/** Base64 of a PDF's bytes, within the attachments' byte limit (base64 adds a third). */
const pdfBase64 = z.string().max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, 'attachment.tooLarge');
const fileName = z.string().trim().min(1, 'required').max(200, 'tooLong');

export const libraryCreate = z.object({
  title: requiredText(200),
  description: optionalText(1000),
  fileName,
  dataBase64: pdfBase64,
});
export type LibraryCreate = z.output<typeof libraryCreate>;

export const libraryAddVersion = z.object({
  documentId: z.string().uuid(),
  note: optionalText(500),
  fileName,
  dataBase64: pdfBase64,
});
export type LibraryAddVersion = z.output<typeof libraryAddVersion>;

export const libraryVersionView = z.object({
  id: z.string(),
  documentId: z.string(),
  versionNo: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  pageCount: z.number().int(),
  note: z.string().nullable(),
  current: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type LibraryVersionView = z.infer<typeof libraryVersionView>;

export const libraryDocumentView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  retired: z.boolean(),
  current: libraryVersionView,
  versionCount: z.number().int(),
  updatedAt: z.string(),
});
export type LibraryDocumentView = z.infer<typeof libraryDocumentView>;

export const libraryDocumentDetail = libraryDocumentView.extend({ versions: z.array(libraryVersionView) });
export type LibraryDocumentDetail = z.infer<typeof libraryDocumentDetail>;

export const libraryList = z.object({ includeRetired: z.boolean().default(false) });

export const libraryOpened = z.object({
  versionId: z.string(),
  documentId: z.string(),
  title: z.string(),
  versionNo: z.number().int(),
  fileName: z.string(),
  pageCount: z.number().int(),
  /** The PDF's bytes: the renderer draws them with pdf.js; it never sees a path. */
  dataBase64: pdfBase64,
});
export type LibraryOpened = z.infer<typeof libraryOpened>;

export const librarySearch = z.object({
  query: z.string().max(200, 'tooLong'),
  limit: z.number().int().min(1).max(200).default(50),
});

export const libraryHit = z.object({
  documentId: z.string(),
  versionId: z.string(),
  title: z.string(),
  /** 0 when the title matched; otherwise the page (from 1) whose text matched. */
  page: z.number().int(),
  /** A line of the page around the first match, as written (not normalised). */
  snippet: z.string(),
});
export type LibraryHit = z.infer<typeof libraryHit>;
