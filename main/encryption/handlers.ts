import type { encryptionContract } from '../../shared/encryption/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { EncryptionService } from './encryption-service';

export function encryptionHandlers(encryption: EncryptionService): HandlersOf<keyof typeof encryptionContract> {
  return {
    'encryption:status': () => encryption.status(),
    'encryption:setRecovery': (input, ctx) => encryption.setRecovery(ctx.actor(), input.passphrase),
    'encryption:backupToFolder': (_input, ctx) => encryption.backupToFolder(ctx.actor()),
    'encryption:verifyBackupFile': (input) => encryption.verifyBackupFile(input.passphrase || undefined),
    'encryption:protectExport': (input) => encryption.protectExport(input),
  };
}
