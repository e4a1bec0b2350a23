/**
 * Daily and manual backups of the counter's database: made with the online backup API,
 * verified after writing, kept for a configurable number of days; restore only from a verified
 * file, after a safety backup of the current data.
 *
 * Backups that leave the machine (`backupSealed`: a chosen folder, a USB stick, `backup --to`)
 * are encrypted for the backup key (main/encryption/sealed-backup.ts). `verify` and `restore`
 * take either kind: a sealed file is decrypted, with the local key copy or the recovery
 * passphrase, into a scratch file beside the database and checked before anything is replaced.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { AppError } from '../../shared/errors/app-error';
import { backupDatabase } from './sqlite-backup';
import { verifyBackup, type BackupSummary } from './verify-backup';
import { openSealedBackup, readSealedHeader, sealBackup, SEALED_EXTENSION, type Unlock } from '../encryption/sealed-backup';
import { RECOVERY_MESSAGES, type RecoveryRecord } from '../encryption/recovery-key';

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

    /**
     * Makes a verified backup and writes it ENCRYPTED into `toDir` (never in the clear: the plain
     * copy lives only in a scratch folder beside the database and is deleted).
     */
    async backupSealed(toDir: string, recipient: Pick<RecoveryRecord, 'keyId' | 'publicKey' | 'envelope'>): Promise<BackupSummary & { keyId: string; bytes: number }> {
      const scratchDir = join(backupsDir, '.scratch');
      mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
      mkdirSync(toDir, { recursive: true });
      const plain = join(scratchDir, `${randomUUID()}.sqlite`);
      const dest = join(toDir, `${PREFIX}${stamp(clock.now())}${SEALED_EXTENSION}`);
      try {
        await backupDatabase(databaseFile, plain);
        const summary = await verifyBackup(plain);
        await sealBackup(plain, dest, recipient, clock.now(), join(scratchDir, `${randomUUID()}.check`));
        return { ...summary, file: dest, keyId: recipient.keyId, bytes: statSync(dest).size };
      } finally {
        rmSync(plain, { force: true });
      }
    },

    /** Checks a backup, plain or sealed, and says what it holds. */
    async verify(file: string, unlock?: Unlock): Promise<BackupSummary & { encrypted: boolean }> {
      if (!readSealedHeaderOrNull(file)) return { ...(await verifyBackup(file)), encrypted: false };
      const scratch = join(backupsDir, '.scratch', `${randomUUID()}.sqlite`);
      mkdirSync(join(backupsDir, '.scratch'), { recursive: true, mode: 0o700 });
      try {
        await openSealedBackup(file, scratch, requireUnlock(unlock));
        return { ...(await verifyBackup(scratch)), file, encrypted: true };
      } finally {
        rmSync(scratch, { force: true });
      }
    },

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
    async restore(backupFile: string, unlock?: Unlock): Promise<{ restored: BackupSummary; safety: BackupSummary | null }> {
      const staging = `${databaseFile}.restoring`;
      let restored: BackupSummary;
      if (readSealedHeaderOrNull(backupFile)) {
        // Decrypt beside the database, then check the result; only a sound file goes further.
        await openSealedBackup(backupFile, staging, requireUnlock(unlock));
        try {
          restored = await verifyBackup(staging);
        } catch (error) {
          rmSync(staging, { force: true });
          throw error;
        }
      } else {
        restored = await verifyBackup(backupFile);
        copyFileSync(backupFile, staging);
      }
      let safety: BackupSummary | null = null;
      try {
        // A new machine after a disk failure has no database yet: nothing to keep a copy of.
        if (existsSync(databaseFile)) safety = await this.backupNow(join(backupsDir, 'before-restore'));
      } catch (error) {
        rmSync(staging, { force: true });
        throw error;
      }
      for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
      // A rename is atomic: a crash leaves either the old file or the restored one.
      renameSync(staging, databaseFile);
      return { restored: { ...restored, file: databaseFile }, safety };
    },
  };
}

function readSealedHeaderOrNull(file: string) {
  try {
    return readSealedHeader(file);
  } catch (error) {
    // A file that starts like a sealed backup but whose header is unreadable is a damaged one.
    if (error instanceof AppError) return true;
    return null;
  }
}

function requireUnlock(unlock: Unlock | undefined): Unlock {
  if (!unlock) throw new AppError('VALIDATION', RECOVERY_MESSAGES.needPassphrase, undefined, { reason: 'need_passphrase' });
  return unlock;
}

export type BackupService = ReturnType<typeof createBackupService>;
