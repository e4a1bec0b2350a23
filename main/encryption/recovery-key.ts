/**
 * The backup key and its recovery passphrase.
 *
 * Why a key pair: backups must be encrypted wherever they are made — in the app, and by
 * `npm run cli -- backup --to DIR` run by an OS scheduler with nobody there to type a passphrase
 * and no OS key store (safeStorage exists only inside Electron). So the backup key is an X25519
 * key pair. Its PUBLIC half sits in the settings table in the clear: anything that can read the
 * database can encrypt a backup for it, and nothing secret is needed to do so. Its PRIVATE half
 * (the data key that opens backups) is kept twice, both wrapped:
 *   1. under the administrator's RECOVERY PASSPHRASE (argon2id → AES-256-GCM), in settings and
 *      in the header of every backup, so one file plus the passphrase restores on a NEW machine
 *      after a disk failure, when this machine's OS key is gone with the disk;
 *   2. under this machine's OS key (`KeyProvider`: DPAPI / the keyring via safeStorage), the
 *      local copy, so this machine can open its own backups without the passphrase. Where the OS
 *      offers no real protection (Linux basic_text, outside the shell) no local copy is kept.
 * The passphrase is never stored. Setting a new one makes a new key pair; older backups carry
 * their own envelope and keep opening with the passphrase that was in force when they were made.
 */
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError, type Bilingual } from '../../shared/errors/app-error';
import { canonicalPassphrase } from '../../shared/encryption/passphrase-rules';
import { decryptBuffer, encryptBuffer } from '../privacy/file-encryption';

const ARGON2ID = 2;
/** Recovery is rare, so the KDF can be slow: 64 MiB, 3 passes (above OWASP's argon2id minimums). */
export const RECOVERY_KDF = { memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export const envelopeSchema = z.object({
  kdf: z.literal('argon2id'),
  memoryCost: z.number().int().min(8192).max(1_048_576),
  timeCost: z.number().int().min(1).max(20),
  parallelism: z.number().int().min(1).max(8),
  salt: z.string(),
  iv: z.string(),
  /** The private key (PKCS#8 DER) encrypted under the passphrase key, GCM tag appended. */
  wrapped: z.string(),
});
export type RecoveryEnvelope = z.infer<typeof envelopeSchema>;

export const recoveryRecordSchema = z.object({
  v: z.literal(1),
  keyId: z.string(),
  /** X25519 public key, SPKI DER, base64. */
  publicKey: z.string(),
  envelope: envelopeSchema,
  setAt: z.string(),
  /** The private key sealed under this machine's OS key (file-encryption layout), base64; null when the OS cannot protect it. */
  localCopy: z.string().nullable(),
});
export type RecoveryRecord = z.infer<typeof recoveryRecordSchema>;

export const RECOVERY_MESSAGES = {
  notConfigured: {
    ar: 'لم تُعيَّن العبارة السرية للاسترداد بعد. يعيّنها مدير النظام في الإعدادات ← النسخ الاحتياطي، لأن النسخ التي تخرج من الجهاز تُشفَّر دائماً.',
    en: 'No recovery passphrase is set yet. An administrator sets it in Settings → Backups: backups that leave the machine are always encrypted.',
  },
  wrongPassphrase: {
    ar: 'العبارة السرية غير صحيحة لهذه النسخة الاحتياطية، فلم يُفتح الملف ولم يُستبدل شيء.',
    en: 'The recovery passphrase is wrong for this backup: the file was not opened and nothing was replaced.',
  },
  needPassphrase: {
    ar: 'هذه النسخة الاحتياطية مشفرة: أدخل العبارة السرية للاسترداد التي كانت معتمدة عند إنشائها.',
    en: 'This backup is encrypted: give the recovery passphrase that was in force when it was made.',
  },
} satisfies Record<string, Bilingual>;

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

/** A short, readable fingerprint of a public key (written on the recovery sheet, shown in Settings). */
export function keyIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

async function passphraseKey(passphrase: string, e: Pick<RecoveryEnvelope, 'memoryCost' | 'timeCost' | 'parallelism' | 'salt'>): Promise<Buffer> {
  return hashRaw(canonicalPassphrase(passphrase), { algorithm: ARGON2ID, memoryCost: e.memoryCost, timeCost: e.timeCost, parallelism: e.parallelism, outputLen: 32, salt: unb64(e.salt) });
}

/** The envelope is bound to its key id, so an envelope moved onto another key's header never opens. */
const envelopeAad = (keyId: string) => Buffer.from(`istiqbal-recovery-v1|${keyId}`, 'utf8');

export async function createRecoveryKey(passphrase: string, setAt: Date): Promise<{ record: Omit<RecoveryRecord, 'localCopy'>; privateKey: KeyObject }> {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const publicDer = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = keyIdOf(publicDer);
  const params = { ...RECOVERY_KDF, salt: b64(randomBytes(16)) };
  const kek = await passphraseKey(passphrase, params);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(envelopeAad(keyId));
  const body = Buffer.concat([cipher.update(privateKey.export({ type: 'pkcs8', format: 'der' })), cipher.final(), cipher.getAuthTag()]);
  return {
    record: { v: 1, keyId, publicKey: b64(publicDer), envelope: { kdf: 'argon2id', ...params, iv: b64(iv), wrapped: b64(body) }, setAt: setAt.toISOString() },
    privateKey,
  };
}

/** Opens an envelope with the passphrase; a wrong passphrase (or an altered envelope) is one clear refusal. */
export async function unwrapWithPassphrase(envelope: RecoveryEnvelope, keyId: string, passphrase: string): Promise<KeyObject> {
  const kek = await passphraseKey(passphrase, envelope);
  const data = unb64(envelope.wrapped);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, unb64(envelope.iv));
    decipher.setAAD(envelopeAad(keyId));
    decipher.setAuthTag(data.subarray(data.length - 16));
    const der = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new AppError('VALIDATION', RECOVERY_MESSAGES.wrongPassphrase, [{ path: 'passphrase', message: RECOVERY_MESSAGES.wrongPassphrase }], { reason: 'wrong_passphrase' });
  }
}

/** The local copy: the private key sealed under the OS-kept key (AES-256-GCM, file-encryption's layout). */
export function sealLocalCopy(osKey: Buffer, privateKey: KeyObject): string {
  return b64(encryptBuffer(osKey, privateKey.export({ type: 'pkcs8', format: 'der' })));
}

/** Null when the copy was sealed on another machine (a restored database) or by another OS user. */
export function openLocalCopy(osKey: Buffer, localCopy: string): KeyObject | null {
  try {
    return createPrivateKey({ key: decryptBuffer(osKey, unb64(localCopy)), format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

export const RECOVERY_SETTINGS_KEY = 'backup_recovery';

export function parseRecord(value: string | undefined | null): RecoveryRecord | null {
  if (!value) return null;
  const parsed = recoveryRecordSchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : null;
}
