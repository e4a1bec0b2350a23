/**
 * The automatic daily backup while the app runs: at start-up when the newest backup is more
 * than a day old, then every day at a quiet hour (Riyadh time). Old backups are pruned after
 * each successful one. A failure is logged and retried at the next run; it never stops the app.
 */
import { Cron } from 'croner';
import type { Logger } from '../core/logger';
import type { BackupService } from './backup-service';

export async function backupIfDue(backups: BackupService, logger: Logger): Promise<boolean> {
  if (!backups.isDue()) return false;
  try {
    const summary = await backups.backupNow();
    const pruned = backups.prune();
    logger.info({ counts: summary.counts, pruned: pruned.length }, 'daily backup made and verified');
    return true;
  } catch (error) {
    logger.error({ err: error }, 'daily backup failed');
    return false;
  }
}

export function startDailyBackups(backups: BackupService, logger: Logger, pattern = '30 13 * * *'): () => void {
  void backupIfDue(backups, logger);
  const job = new Cron(pattern, { timezone: 'Asia/Riyadh', protect: true }, async () => {
    await backupIfDue(backups, logger);
  });
  return () => job.stop();
}
