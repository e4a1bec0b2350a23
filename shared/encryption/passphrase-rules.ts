/**
 * How strong a recovery passphrase or an export password must be. Pure, so the form shows the
 * same message the core enforces. The recovery passphrase is the only way to open a backup on a
 * new machine and a ZIP password is guessed offline at leisure, so both need real length: at
 * least 12 characters, of at least two kinds (letters, digits, spaces, symbols), not one
 * character repeated. A sentence of Arabic words with a number in it is ideal. Digits are folded
 * to Latin first, so a passphrase typed on an Arabic keyboard opens the file on a Latin one.
 */
import { canonicalPassword } from '../auth/password-rules';

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 256;

export type PassphraseProblem = 'passphrase.short' | 'passphrase.long' | 'passphrase.variety' | 'passphrase.mismatch';

/** The canonical form fed to the KDF or the ZIP: a password's (NFC, Latin digits), outer spaces trimmed. */
export function canonicalPassphrase(raw: string): string {
  return canonicalPassword(raw).trim();
}

export function passphraseProblem(raw: string, confirm?: string): PassphraseProblem | null {
  const p = canonicalPassphrase(raw);
  if ([...p].length < PASSPHRASE_MIN_LENGTH) return 'passphrase.short';
  if ([...p].length > PASSPHRASE_MAX_LENGTH) return 'passphrase.long';
  const kinds = [/\p{L}/u, /\d/, /\s/, /[^\p{L}\d\s]/u].filter((re) => re.test(p)).length;
  if (kinds < 2 || new Set(p).size < 5) return 'passphrase.variety';
  if (confirm !== undefined && canonicalPassphrase(confirm) !== p) return 'passphrase.mismatch';
  return null;
}

export const PASSPHRASE_MESSAGES = {
  'passphrase.short': { ar: 'العبارة السرية 12 خانة على الأقل.', en: 'The passphrase needs at least 12 characters.' },
  'passphrase.long': { ar: 'العبارة السرية أطول من المسموح.', en: 'The passphrase is too long.' },
  'passphrase.variety': {
    ar: 'اجمع في العبارة السرية نوعين على الأقل: حروفاً وأرقاماً أو مسافات أو رموزاً، من غير تكرار حرف واحد.',
    en: 'Use at least two kinds of characters (letters, digits, spaces, symbols), not one character repeated.',
  },
  'passphrase.mismatch': { ar: 'التأكيد لا يطابق العبارة السرية.', en: 'The confirmation does not match the passphrase.' },
} as const;
