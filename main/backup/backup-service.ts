/**
 * Daily and manual backups of the counter's database: made with the online backup API,
 * verified after writing, kept for a configurable number of days; restore only from a verified
 * file, after a safety backup of the current data.
 */
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock } from '../core/clock';
import { backupDatabase } from './sqlite-backup';
import { verifyBackup, type BackupSummary } from './verify-backup';

export interface BackupServiceOptions {
  databaseFile: string;
  backupsDir: string;
  clock: Clock;
  retentionDays?: number;
}

const PREFIX = 'istiqbal-';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

export function createBackupService({ databaseFile, backupsDir, clock, retentionDays = 30 }: BackupServiceOptions) {
  const list = (): { file: string; bytes: number; at: Date }[] => {
    mkdirSync(backupsDir, { recursive: true });
    return readdirSync(backupsDir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))
      .map((f) => {
        const full = join(backupsDir, f);
        const st = statSync(full);
        return { file: full, bytes: st.size, at: st.mtime };
      })
      .sort((a, b) => b.file.localeCompare(a.file));
  };

  return {
    list,

    /** Makes and verifies a backup; a file that fails verification is deleted, never kept. */
    async backupNow(toDir = backupsDir): Promise<BackupSummary> {
      mkdirSync(toDir, { recursive: true });
      const dest = join(toDir, `${PREFIX}${stamp(clock.now())}.sqlite`);
      await backupDatabase(databaseFile, dest);
      try {
        return await verifyBackup(dest);
      } catch (error) {
        rmSync(dest, { force: true });
        throw error;
      }
    },

    verify: verifyBackup,

    /** Deletes automatic backups older than the retention period; returns what it removed. */
    prune(): string[] {
      const cutoff = clock.now().getTime() - retentionDays * 86_400_000;
      const removed = list().filter((b) => b.at.getTime() < cutoff);
      for (const b of removed) rmSync(b.file, { force: true });
      return removed.map((b) => basename(b.file));
    },

    /** Whether the newest backup is older than a day (or there is none). */
    isDue(): boolean {
      const newest = list()[0];
      return !newest || clock.now().getTime() - newest.at.getTime() > 86_400_000;
    },

    /**
     * Replaces the database with a verified backup. The database must be closed (the app quits
     * first, or the CLI runs alone). A safety backup of the current file is made before anything
     * is touched, and its summary returned with the restored one.
     */
    async restore(backupFile: string): Promise<{ restored: BackupSummary; safety: BackupSummary }> {
      const restored = await verifyBackup(backupFile);
      const safety = await this.backupNow(join(backupsDir, 'before-restore'));
      const staging = `${databaseFile}.restoring`;
      copyFileSync(backupFile, staging);
      for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
      // A rename is atomic: a crash leaves either the old file or the restored one.
      renameSync(staging, databaseFile);
      return { restored: { ...restored, file: databaseFile }, safety };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
