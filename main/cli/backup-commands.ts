/**
 * `backup [--to DIR]`, `verify FILE`, `restore FILE`: run without opening the app's core, so an
 * OS scheduler can back up a running app's database and an administrator can restore while the
 * app is closed.
 */
import { join } from 'node:path';
import { createBackupService } from '../backup/backup-service';
import { systemClock } from '../core/clock';
import { AppError } from '../../shared/errors/app-error';

export const BACKUP_COMMANDS = ['backup', 'verify', 'restore'] as const;

export async function runBackupCommand(command: string, args: string[], options: { dataDir: string; databaseFile: string; to?: string }): Promise<number> {
  const service = createBackupService({ databaseFile: options.databaseFile, backupsDir: join(options.dataDir, 'backups'), clock: systemClock });
  try {
    if (command === 'backup') {
      const summary = await service.backupNow(options.to);
      const pruned = options.to ? [] : service.prune();
      console.log(JSON.stringify({ ...summary, pruned }, null, 2));
      return 0;
    }
    const file = args[0];
    if (!file) {
      console.error(`usage: npm run cli -- ${command} FILE`);
      return 2;
    }
    if (command === 'verify') {
      console.log(JSON.stringify(await service.verify(file), null, 2));
      return 0;
    }
    const result = await service.restore(file);
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
