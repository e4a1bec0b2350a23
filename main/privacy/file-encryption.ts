/**
 * AES-256-GCM for files that leave the machine (backups, exports). Streaming, so a large backup
 * never sits in memory. Layout: magic `ISTQENC1` (8 bytes) | IV (12) | ciphertext | tag (16).
 * The magic is authenticated too (AAD). A wrong key, a flipped bit or a truncated file all fail
 * with one typed error and leave no partial output behind.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, openSync, readSync, closeSync, statSync, rmSync, renameSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors/app-error';

export const MAGIC = Buffer.from('ISTQENC1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = MAGIC.length + IV_BYTES;

export const ENCRYPTION_MESSAGES = {
  notEncrypted: { ar: 'الملف ليس ملفاً مشفراً من استقبال.', en: 'The file is not an Istiqbal encrypted file.' },
  failed: {
    ar: 'تعذر فك التشفير: الملف تالف أو عُدّل أو شُفّر بمفتاح جهاز آخر.',
    en: 'Decryption failed: the file is damaged, was altered, or was encrypted with another machine’s key.',
  },
};

function checkKey(key: Buffer) {
  if (key.length !== 32) throw new Error('AES-256 needs a 32-byte key');
}

export function encryptBuffer(key: Buffer, plain: Buffer): Buffer {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

export function decryptBuffer(key: Buffer, data: Buffer): Buffer {
  checkKey(key);
  if (data.length < HEADER + TAG_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('VALIDATION', ENCRYPTION_MESSAGES.notEncrypted);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(MAGIC.length, HEADER));
    decipher.setAAD(MAGIC);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(HEADER, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new AppError('VALIDATION', ENCRYPTION_MESSAGES.failed);
  }
}

export async function encryptFile(key: Buffer, source: string, target: string): Promise<void> {
  return encryptFileWithPrefix(key, source, target, MAGIC);
}

/**
 * The same stream under a caller's own header: `prefix` (which must start with a magic of its own)
 * is written first and authenticated as AAD, then IV | ciphertext | tag. Sealed backups use it to
 * carry their key envelope in the clear but tamper-evident.
 */
export async function encryptFileWithPrefix(key: Buffer, source: string, target: string, prefix: Buffer): Promise<void> {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  const partial = `${target}.partial`;
  try {
    const out = createWriteStream(partial, { mode: 0o600 });
    out.write(Buffer.concat([prefix, iv]));
    await pipeline(createReadStream(source), cipher, out, { end: false });
    await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (e?: Error | null) => (e ? reject(e) : resolve())));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, target);
}

export async function decryptFile(key: Buffer, source: string, target: string): Promise<void> {
  const size = statSync(source).size;
  const fd = openSync(source, 'r');
  const magic = Buffer.alloc(MAGIC.length);
  try {
    readSync(fd, magic, 0, MAGIC.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < HEADER + TAG_BYTES || !magic.equals(MAGIC)) throw new AppError('VALIDATION', ENCRYPTION_MESSAGES.notEncrypted);
  return decryptFileWithPrefix(key, source, target, MAGIC.length);
}

/**
 * Decrypts a file written by `encryptFileWithPrefix` whose prefix is `prefixBytes` long (the caller
 * has read and checked it). Plaintext goes to `target.partial` and is renamed only once the tag
 * checks, so a wrong key or an altered byte never leaves a half-written file behind.
 */
export async function decryptFileWithPrefix(key: Buffer, source: string, target: string, prefixBytes: number): Promise<void> {
  checkKey(key);
  const size = statSync(source).size;
  const start = prefixBytes + IV_BYTES;
  if (size < start + TAG_BYTES) throw new AppError('VALIDATION', ENCRYPTION_MESSAGES.failed);
  const fd = openSync(source, 'r');
  const head = Buffer.alloc(start);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    readSync(fd, head, 0, start, 0);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(prefixBytes));
  decipher.setAAD(head.subarray(0, prefixBytes));
  decipher.setAuthTag(tag);
  const partial = `${target}.partial`;
  try {
    await pipeline(createReadStream(source, { start, end: size - TAG_BYTES - 1 }), decipher, createWriteStream(partial, { mode: 0o600 }));
  } catch {
    rmSync(partial, { force: true });
    throw new AppError('VALIDATION', ENCRYPTION_MESSAGES.failed);
  }
  renameSync(partial, target);
}
