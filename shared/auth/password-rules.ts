/**
 * Password rules, pure so the form can show the same message the core enforces. Digits are
 * folded to Latin first, so a password typed on an Arabic keyboard signs in on a Latin one.
 */
import { toLatinDigits } from '../text/digits';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** A few passwords every guessing list tries first; refused outright. */
const COMMON = ['1234567890', '0123456789', 'password123', 'qwertyuiop', 'istiqbal123', 'admin12345', 'p@ssw0rd12'];

export type PasswordProblem = 'password.short' | 'password.long' | 'password.letterAndDigit' | 'password.common' | 'password.username';

/** The canonical form hashed and compared: NFC, Latin digits. */
export function canonicalPassword(raw: string): string {
  return toLatinDigits(raw.normalize('NFC'));
}

export function passwordProblem(raw: string, username?: string): PasswordProblem | null {
  const pw = canonicalPassword(raw);
  if (pw.length < PASSWORD_MIN_LENGTH) return 'password.short';
  if (pw.length > PASSWORD_MAX_LENGTH) return 'password.long';
  if (!/\p{L}/u.test(pw) || !/\d/.test(pw)) return 'password.letterAndDigit';
  if (COMMON.includes(pw.toLowerCase())) return 'password.common';
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return 'password.username';
  return null;
}

export const PASSWORD_MESSAGES = {
  'password.short': { ar: 'كلمة المرور 10 خانات على الأقل.', en: 'The password needs at least 10 characters.' },
  'password.long': { ar: 'كلمة المرور أطول من المسموح.', en: 'The password is too long.' },
  'password.letterAndDigit': {
    ar: 'كلمة المرور تحتوي حرفاً ورقماً على الأقل.',
    en: 'The password needs at least one letter and one digit.',
  },
  'password.common': { ar: 'كلمة المرور شائعة جداً؛ اختر غيرها.', en: 'This password is too common; choose another.' },
  'password.username': { ar: 'كلمة المرور لا تحتوي اسم المستخدم.', en: 'The password must not contain the username.' },
  'username.invalid': {
    ar: 'اسم المستخدم من 3 إلى 32 حرفاً لاتينياً أو رقماً، يبدأ بحرف.',
    en: 'The username has 3 to 32 Latin letters or digits and starts with a letter.',
  },
} as const;
