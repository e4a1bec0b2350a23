/** Backups sealed for a recovery passphrase, and exports sealed in a password-protected ZIP. */
import { z } from 'zod';
import { channel } from '../contract/define';
import { ADMINS, OVERSIGHT, STAFF } from '../auth/roles';
import { encryptedBackupResult, protectedFile, protectExportInput, recoveryStatus, setRecoveryInput, verifiedBackupFile, verifyBackupFileInput } from './schemas';

export const encryptionContract = {
  'encryption:status': channel({ input: z.object({}).optional(), output: recoveryStatus, access: OVERSIGHT }),
  /** Sets (or replaces) the recovery passphrase: a new backup key; older backups keep opening with the old passphrase. */
  'encryption:setRecovery': channel({ input: setRecoveryInput, output: recoveryStatus, access: ADMINS }),
  /** A verified backup, encrypted, written to a folder the person chooses (a USB stick). */
  'encryption:backupToFolder': channel({ input: z.object({}).optional(), output: encryptedBackupResult, access: OVERSIGHT }),
  /** Opens a backup file the person picks (this machine's key, or the passphrase) and says what it holds; replaces nothing. */
  'encryption:verifyBackupFile': channel({ input: verifyBackupFileInput, output: verifiedBackupFile, access: OVERSIGHT }),
  'encryption:protectExport': channel({ input: protectExportInput, output: protectedFile, access: STAFF }),
};
