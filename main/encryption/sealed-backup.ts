/**
 * The encrypted backup file (`.istqbak`). Layout:
 *   `ISTQBAK1` | header length (u32, big-endian) | header (JSON, UTF-8) | IV (12) | ciphertext | tag (16)
 * The header is in the clear (a new machine must read it before it has any key) and is
 * authenticated as AES-GCM's AAD together with the magic, so changing one byte of it is caught.
 * It names the backup key (`keyId`), carries a fresh ephemeral X25519 public key and the
 * recovery envelope (see recovery-key.ts). The file key is HKDF-SHA256 over the X25519 shared
 * secret between the ephemeral key and the backup key: making a backup needs only the public
 * key; opening one needs the private key (the local copy, or the recovery passphrase).
 */
import { createHash, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, rmSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError, type Bilingual } from '../../shared/errors/app-error';
import { decryptFileWithPrefix, encryptFileWithPrefix } from '../privacy/file-encryption';
import { envelopeSchema, unwrapWithPassphrase, type RecoveryRecord } from './recovery-key';

export const SEALED_MAGIC = Buffer.from('ISTQBAK1', 'ascii');
export const SEALED_EXTENSION = '.istqbak';
const MAX_HEADER = 16 * 1024;

const headerSchema = z.object({
  v: z.literal(1),
  keyId: z.string(),
  publicKey: z.string(),
  ephemeral: z.string(),
  envelope: envelopeSchema,
  createdAt: z.string(),
});
export type SealedHeader = z.infer<typeof headerSchema>;

export const SEALED_MESSAGES = {
  damaged: {
    ar: 'النسخة الاحتياطية المشفرة تالفة أو عُدّلت بعد إنشائها، فرُفضت ولم يُستعد منها شيء.',
    en: 'The encrypted backup is damaged or was altered after it was made: it was refused and nothing was restored.',
  },
  otherKey: {
    ar: 'هذه النسخة مشفرة بمفتاح آخر غير المعتمد الآن (عبارة سرية سابقة أو جمعية أخرى)؛ أدخل العبارة السرية التي كانت معتمدة عند إنشائها.',
    en: 'This backup was encrypted for another key (an earlier passphrase, or another society); give the passphrase that was in force when it was made.',
  },
} satisfies Record<string, Bilingual>;

export type Unlock = { passphrase: string } | { privateKey: KeyObject; keyId: string };

const damaged = () => new AppError('VALIDATION', SEALED_MESSAGES.damaged, undefined, { reason: 'damaged' });

function fileKey(shared: Buffer, ephemeralDer: Buffer, recipientDer: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralDer, recipientDer]), 'istiqbal sealed backup v1', 32));
}

/** The header of a sealed backup, or null when the file is not one (a plain SQLite backup). */
export function readSealedHeader(file: string): { header: SealedHeader; prefixBytes: number } | null {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(SEALED_MAGIC.length + 4);
    if (readSync(fd, start, 0, start.length, 0) < start.length || !start.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC)) return null;
    const length = start.readUInt32BE(SEALED_MAGIC.length);
    if (length > MAX_HEADER || start.length + length + 12 + 16 > size) throw damaged();
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, start.length);
    let parsed;
    try {
      parsed = headerSchema.safeParse(JSON.parse(json.toString('utf8')));
    } catch {
      throw damaged();
    }
    if (!parsed.success) throw damaged();
    return { header: parsed.data, prefixBytes: start.length + length };
  } finally {
    closeSync(fd);
  }
}

function prefixOf(header: SealedHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([SEALED_MAGIC, length, json]);
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Encrypts a (verified) plain backup for the backup key, then reads the written file back and
 * checks it decrypts to the same bytes: a USB stick that corrupts a write is caught now, not on
 * the day of the restore. `scratch` is a path for that check on this machine's disk.
 */
export async function sealBackup(plainFile: string, target: string, recipient: Pick<RecoveryRecord, 'keyId' | 'publicKey' | 'envelope'>, createdAt: Date, scratch: string): Promise<void> {
  const recipientDer = Buffer.from(recipient.publicKey, 'base64');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: createPublicKey({ key: recipientDer, format: 'der', type: 'spki' }) });
  const key = fileKey(shared, ephemeralDer, recipientDer);
  const header: SealedHeader = { v: 1, keyId: recipient.keyId, publicKey: recipient.publicKey, ephemeral: ephemeralDer.toString('base64'), envelope: recipient.envelope, createdAt: createdAt.toISOString() };
  const prefix = prefixOf(header);
  await encryptFileWithPrefix(key, plainFile, target, prefix);
  try {
    await decryptFileWithPrefix(key, target, scratch, prefix.length);
    if ((await sha256File(scratch)) !== (await sha256File(plainFile))) throw damaged();
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    rmSync(scratch, { force: true });
  }
}

/**
 * Decrypts a sealed backup into `target` (through `target.partial`, renamed only once the tag
 * checks). A wrong passphrase, a key from elsewhere, or any altered byte is refused with a
 * bilingual message and leaves nothing at `target`.
 */
export async function openSealedBackup(file: string, target: string, unlock: Unlock): Promise<SealedHeader> {
  const sealed = readSealedHeader(file);
  if (!sealed) throw damaged();
  const { header, prefixBytes } = sealed;
  let privateKey: KeyObject;
  if ('passphrase' in unlock) privateKey = await unwrapWithPassphrase(header.envelope, header.keyId, unlock.passphrase);
  else if (unlock.keyId === header.keyId) privateKey = unlock.privateKey;
  else throw new AppError('VALIDATION', SEALED_MESSAGES.otherKey, undefined, { reason: 'other_key' });
  const recipientDer = Buffer.from(header.publicKey, 'base64');
  // The private key must belong to the header's public key; otherwise the header was swapped.
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!derived.equals(recipientDer)) throw damaged();
  const ephemeralDer = Buffer.from(header.ephemeral, 'base64');
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' }) });
  } catch {
    throw damaged();
  }
  try {
    await decryptFileWithPrefix(fileKey(shared, ephemeralDer, recipientDer), file, target, prefixBytes);
  } catch {
    throw damaged();
  }
  return header;
}
