/**
 * `backup [--to DIR]`, `verify FILE`, `restore FILE`: run without opening the app's core, so an
 * OS scheduler can back up a running app's database and an administrator can restore while the
 * app is closed.
 *
 * `backup --to DIR` writes the backup ENCRYPTED (it leaves the machine): it needs only the
 * backup key's public half from the settings table, so it runs unattended. `verify` and
 * `restore` open an encrypted backup with the recovery passphrase (recovery-passphrase.ts), into
 * a fresh data folder too (a new machine after a disk failure).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackupService } from '../backup/backup-service';
import { readOnlyQuery } from '../backup/sqlite-backup';
import { systemClock } from '../core/clock';
import { AppError } from '../../shared/errors/app-error';
import { parseRecord, RECOVERY_MESSAGES, RECOVERY_SETTINGS_KEY } from '../encryption/recovery-key';
import { readSealedHeader } from '../encryption/sealed-backup';
import { recoveryPassphrase } from './recovery-passphrase';

export const BACKUP_COMMANDS = ['backup', 'verify', 'restore'] as const;

async function recoveryRecord(databaseFile: string) {
  if (!existsSync(databaseFile)) return null;
  const rows = await readOnlyQuery<{ value: string }>(databaseFile, `SELECT value FROM settings WHERE key = '${RECOVERY_SETTINGS_KEY}'`).catch(() => []);
  return parseRecord(rows[0]?.value);
}

function isSealed(file: string): boolean {
  try {
    return existsSync(file) && readSealedHeader(file) !== null;
  } catch {
    return true;
  }
}

export async function runBackupCommand(
  command: string,
  args: string[],
  options: { dataDir: string; databaseFile: string; to?: string; passphraseFile?: string },
): Promise<number> {
  const service = createBackupService({ databaseFile: options.databaseFile, backupsDir: join(options.dataDir, 'backups'), clock: systemClock });
  try {
    if (command === 'backup') {
      if (options.to) {
        const recipient = await recoveryRecord(options.databaseFile);
        if (!recipient) throw new AppError('CONFLICT', RECOVERY_MESSAGES.notConfigured);
        const summary = await service.backupSealed(options.to, recipient);
        console.log(JSON.stringify({ ...summary, encrypted: true }, null, 2));
        return 0;
      }
      const summary = await service.backupNow();
      console.log(JSON.stringify({ ...summary, pruned: service.prune() }, null, 2));
      return 0;
    }
    const file = args[0];
    if (!file) {
      console.error(`usage: npm run cli -- ${command} FILE [--passphrase-file FILE]`);
      return 2;
    }
    let unlock: { passphrase: string } | undefined;
    if (isSealed(file)) {
      const passphrase = await recoveryPassphrase(options.passphraseFile);
      if (passphrase === null) throw new AppError('VALIDATION', RECOVERY_MESSAGES.needPassphrase);
      unlock = { passphrase };
    }
    if (command === 'verify') {
      console.log(JSON.stringify(await service.verify(file, unlock), null, 2));
      return 0;
    }
    const result = await service.restore(file, unlock);
    console.log(JSON.stringify(result, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${error.bilingual.ar}\n${error.bilingual.en}`);
      return 1;
    }
    throw error;
  }
}
