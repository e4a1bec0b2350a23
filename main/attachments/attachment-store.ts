/**
 * Attachments on disk: each file is stored once under its SHA-256 in the app's data folder, with
 * no extension, so it is never executed or opened by an associated program. The renderer never
 * names a path: it sends bytes in and gets bytes (or a preview) back by attachment id. The file
 * name the user gave is kept only as display text.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { MAX_ATTACHMENT_BYTES } from '../../shared/letters/schemas';
import { sniffType, type AttachmentMime } from './sniff-type';

export const ATTACHMENT_ERRORS = {
  wrongType: {
    ar: 'نوع الملف غير مقبول. المقبول: PDF أو صورة (PNG أو JPEG أو WebP).',
    en: 'This type of file is not accepted. Accepted: PDF or an image (PNG, JPEG or WebP).',
  },
  tooLarge: {
    ar: `الملف أكبر من الحد المسموح (${MAX_ATTACHMENT_BYTES / 1024 / 1024} ميجابايت).`,
    en: `The file is larger than the limit (${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB).`,
  },
  empty: { ar: 'الملف فارغ.', en: 'The file is empty.' },
  hashMismatch: { ar: 'محتوى الملف لا يطابق بصمته؛ لم يُحفظ.', en: 'The file does not match its hash; it was not stored.' },
  missing: { ar: 'ملف المرفق غير موجود في مجلد البيانات.', en: 'The attachment file is missing from the data folder.' },
};

export interface StoredFile {
  sha256: string;
  mime: AttachmentMime;
  size: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Only the display part of a name: no folders, no control characters, no leading dots. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^\.+/, '').trim();
  return clean.slice(0, 120) || 'attachment';
}

export function decodeBase64Strict(data: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw new AppError('VALIDATION', ATTACHMENT_ERRORS.wrongType);
  }
  return Buffer.from(data, 'base64');
}

export function createAttachmentStore(rootDir: string) {
  const root = resolve(rootDir);

  /** The one place a path is built: from a checked hash only, and checked to stay inside root. */
  function pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError('VALIDATION', ATTACHMENT_ERRORS.missing);
    const path = resolve(root, sha256.slice(0, 2), sha256);
    if (!path.startsWith(root + sep)) throw new AppError('VALIDATION', ATTACHMENT_ERRORS.missing);
    return path;
  }

  return {
    root,

    /** Checks size and type, then writes the file under its hash (atomically, once). */
    put(bytes: Uint8Array): StoredFile {
      if (bytes.byteLength === 0) throw new AppError('VALIDATION', ATTACHMENT_ERRORS.empty);
      if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', ATTACHMENT_ERRORS.tooLarge);
      const mime = sniffType(bytes);
      if (!mime) throw new AppError('VALIDATION', ATTACHMENT_ERRORS.wrongType);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(sha256);
      if (!existsSync(path)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, bytes, { mode: 0o600 });
        renameSync(temp, path);
      } else {
        // Stored again (its row is about to commit): fresh again for sync's sweep of unreferenced files.
        const now = new Date();
        utimesSync(path, now, now);
      }
      return { sha256, mime, size: bytes.byteLength };
    },

    /**
     * Stores bytes that must hash to `sha256` (a file fetched from the central store by sync):
     * checked before anything is written, then stored as `put` does (size, type, path rules).
     */
    putExpected(bytes: Uint8Array, sha256: string): StoredFile {
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('VALIDATION', ATTACHMENT_ERRORS.hashMismatch);
      return this.put(bytes);
    },

    /** Whether the file of this hash is on disk (not read: `get` verifies when it is opened). */
    has(sha256: string): boolean {
      return existsSync(pathOf(sha256));
    },

    /** The bytes of a stored file, verified against their hash. */
    get(sha256: string): Buffer {
      const path = pathOf(sha256);
      if (!existsSync(path)) throw new AppError('NOT_FOUND', ATTACHMENT_ERRORS.missing);
      const bytes = readFileSync(path);
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('INTERNAL', ATTACHMENT_ERRORS.missing);
      return bytes;
    },

    pathOf,
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
