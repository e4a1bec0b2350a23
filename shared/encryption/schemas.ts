/** Encrypted backups (recovery passphrase) and password-protected exports. */
import { z } from 'zod';
import { passphraseProblem } from './passphrase-rules';

/** A passphrase with its confirmation, checked by the same rule the form shows. */
const confirmedPassphrase = z
  .object({ passphrase: z.string().max(1024), confirm: z.string().max(1024) })
  .superRefine((v, ctx) => {
    const problem = passphraseProblem(v.passphrase, v.confirm);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [problem === 'passphrase.mismatch' ? 'confirm' : 'passphrase'] });
  });

export const setRecoveryInput = confirmedPassphrase;

const bilingual = z.object({ ar: z.string(), en: z.string() });

export const recoveryStatus = z.object({
  /** Whether an administrator has set the recovery passphrase (encrypted backups need it). */
  configured: z.boolean(),
  setAt: z.string().nullable(),
  /** A short fingerprint of the backup key, printed on the recovery sheet and in each backup's header. */
  keyId: z.string().nullable(),
  /** Whether this machine keeps an OS-protected copy of the key (to open backups without the passphrase). */
  localCopy: z.boolean(),
  /** Why the OS cannot protect a local copy here, or null. */
  osKeyUnavailable: bilingual.nullable(),
  /** Whether the core can ask the person for a folder (the desktop app can; the browser preview cannot). */
  canChooseFolder: z.boolean(),
});

export const encryptedBackupResult = z.object({
  fileName: z.string(),
  bytes: z.number(),
  keyId: z.string(),
  counts: z.record(z.string(), z.number()),
});

/** A file an export channel produced, to be sealed in an AES-256 ZIP with a password. */
export const protectExportInput = z
  .object({
    fileName: z.string().regex(/^[\p{L}\p{N}._ -]{1,120}$/u),
    text: z.string().max(50_000_000).optional(),
    base64: z.string().max(70_000_000).optional(),
    passphrase: z.string().max(1024),
    confirm: z.string().max(1024),
  })
  .superRefine((v, ctx) => {
    if ((v.text === undefined) === (v.base64 === undefined)) ctx.addIssue({ code: 'custom', message: 'invalid', path: ['text'] });
    const problem = passphraseProblem(v.passphrase, v.confirm);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [problem === 'passphrase.mismatch' ? 'confirm' : 'passphrase'] });
  });

/** Checks an encrypted backup file the person picks: with this machine's key copy, or the passphrase typed. */
export const verifyBackupFileInput = z.object({ passphrase: z.string().max(1024).optional() });

export const verifiedBackupFile = z.object({
  fileName: z.string(),
  encrypted: z.boolean(),
  counts: z.record(z.string(), z.number()),
  migrations: z.number(),
});

export const protectedFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
