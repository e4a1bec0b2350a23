/**
 * The key for encrypting backups and exports, kept by the operating system. The core sees only
 * this interface; the Electron shell supplies an `OsProtector` over `safeStorage` (DPAPI on
 * Windows, the Secret Service / KWallet keyring on Linux, Keychain on macOS). A random 256-bit
 * key is generated once and stored in a file *wrapped* by the OS protector, so the key file is
 * useless on another machine or to another OS user.
 *
 * Refused where the OS offers no real protection: Electron's Linux `basic_text` backend wraps
 * with a key hard-coded in Chromium's source, which is no protection at all; encrypting with it
 * would only look safe.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Bilingual } from '../../shared/errors/app-error';
import { AppError } from '../../shared/errors/app-error';

export interface OsProtector {
  isEncryptionAvailable(): boolean;
  /** Linux only: `basic_text`, `gnome_libsecret`, `kwallet`…; `unknown` elsewhere. */
  backend(): string;
  encrypt(plain: Buffer): Buffer;
  decrypt(wrapped: Buffer): Buffer;
}

export interface KeyProvider {
  /** Why encrypted operations are refused on this machine, or null when they may run. */
  unavailableReason(): Bilingual | null;
  key(): Promise<Buffer>;
}

export const KEY_MESSAGES = {
  noOsEncryption: {
    ar: 'لا يوفر نظام التشغيل تخزيناً آمناً للمفاتيح هنا، فلا يمكن تشفير النسخ الاحتياطية والتصدير. شغّل البرنامج من حساب مستخدم في Windows، أو ثبّت حلقة مفاتيح (GNOME Keyring أو KWallet) في Linux.',
    en: 'The operating system offers no secure key storage here, so backups and exports cannot be encrypted. Run the app from a Windows user account, or install a keyring (GNOME Keyring or KWallet) on Linux.',
  },
  basicText: {
    ar: 'تخزين المفاتيح في هذا الجهاز (Linux ‏basic_text) يستخدم مفتاحاً ثابتاً معروفاً ولا يحمي شيئاً، فرُفض التشفير. ثبّت حلقة مفاتيح (GNOME Keyring أو KWallet) وسجّل الدخول إلى سطح المكتب ثم أعد المحاولة.',
    en: 'Key storage on this machine (Linux basic_text) uses a fixed, publicly known key and protects nothing, so encryption is refused. Install a keyring (GNOME Keyring or KWallet), sign in to the desktop session, and try again.',
  },
  keyUnreadable: {
    ar: 'تعذر فك مفتاح التشفير المحفوظ؛ ربما نُقل من جهاز أو مستخدم آخر.',
    en: 'The stored encryption key could not be unwrapped; it may come from another machine or user.',
  },
} satisfies Record<string, Bilingual>;

export function createOsKeyProvider(protector: OsProtector, keyFile: string): KeyProvider {
  let cached: Buffer | null = null;
  const reason = (): Bilingual | null => {
    if (!protector.isEncryptionAvailable()) return KEY_MESSAGES.noOsEncryption;
    if (protector.backend() === 'basic_text') return KEY_MESSAGES.basicText;
    return null;
  };
  return {
    unavailableReason: reason,
    async key() {
      const refused = reason();
      if (refused) throw new AppError('FORBIDDEN', refused, undefined, { reason: 'no_os_key_storage' });
      if (cached) return cached;
      if (existsSync(keyFile)) {
        try {
          cached = protector.decrypt(readFileSync(keyFile));
        } catch {
          throw new AppError('FORBIDDEN', KEY_MESSAGES.keyUnreadable, undefined, { reason: 'key_unreadable' });
        }
        if (cached.length !== 32) throw new AppError('FORBIDDEN', KEY_MESSAGES.keyUnreadable, undefined, { reason: 'key_unreadable' });
        return cached;
      }
      const fresh = randomBytes(32);
      mkdirSync(dirname(keyFile), { recursive: true });
      // `wx`: never overwrite a key another process just wrote (that would orphan its backups).
      writeFileSync(keyFile, protector.encrypt(fresh), { flag: 'wx', mode: 0o600 });
      cached = fresh;
      return fresh;
    },
  };
}

/** Outside the Electron shell (CLI, preview, tests) there is no OS key store: encryption is refused, and says so. */
export const NO_OS_KEY_PROVIDER: KeyProvider = {
  unavailableReason: () => KEY_MESSAGES.noOsEncryption,
  key: async () => {
    throw new AppError('FORBIDDEN', KEY_MESSAGES.noOsEncryption, undefined, { reason: 'no_os_key_storage' });
  },
};
