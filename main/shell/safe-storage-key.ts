/**
 * Electron's `safeStorage` as the core's OS protector (see main/privacy/key-provider.ts). The
 * shell is the only place that imports electron; the refusal rules live in the core and are tested there.
 */
import { safeStorage } from 'electron';
import type { OsProtector } from '../privacy/key-provider';

export const safeStorageProtector: OsProtector = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
};
