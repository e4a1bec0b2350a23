/**
 * An OS key provider for plain-Node tests: the real `createOsKeyProvider` (key file, refusal
 * rules) over a protector that wraps with a secret only this "machine" (this test process) holds,
 * standing in for DPAPI / a keyring. A second provider over the same key file but another
 * machine secret cannot open it, as a database copied to another computer cannot.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createOsKeyProvider, type KeyProvider, type OsProtector } from '../../main/privacy/key-provider';

export function testOsProtector(machineSecret: Buffer = randomBytes(32), backend = 'gnome_libsecret'): OsProtector {
  return {
    isEncryptionAvailable: () => true,
    backend: () => backend,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', machineSecret, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(wrapped) {
      const d = createDecipheriv('aes-256-gcm', machineSecret, wrapped.subarray(0, 12));
      d.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([d.update(wrapped.subarray(28)), d.final()]);
    },
  };
}

/** A key provider whose wrapped key lives in `dir` (beside the test database). */
export function testKeyProvider(dir: string, machineSecret?: Buffer): KeyProvider {
  return createOsKeyProvider(testOsProtector(machineSecret), join(dir, 'os-key.bin'));
}
