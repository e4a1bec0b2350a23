/**
 * Restore from inside the app. A live database cannot be swapped under its own open connection,
 * so a restore is STAGED: the chosen backup is verified now and its name written to a small
 * marker beside the database; the app then restarts and, before it opens the database, applies
 * the restore (safety backup of the current data, then an atomic swap — backup-service.ts) and
 * removes the marker. A marker whose backup fails to verify is dropped and the current data is
 * kept: a failed restore never leaves the counter without a database.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock, IdGenerator } from '../core/clock';
import type { Db } from '../db/open-database';
import { appendAudit } from '../audit/append-audit';
import { createBackupService } from './backup-service';
import type { BackupSummary } from './verify-backup';

export interface StagedRestore {
  /** The backup's file name inside the backups folder (never a path from outside). */
  backup: string;
  requestedBy: string;
  requestedAt: string;
}

export type AppliedRestore =
  | { ok: true; staged: StagedRestore; restored: BackupSummary; safety: BackupSummary | null }
  | { ok: false; staged: StagedRestore; reason: string };

export function pendingRestoreFile(databaseFile: string): string {
  return join(dirname(databaseFile), 'restore-pending.json');
}

export function stageRestore(databaseFile: string, staged: StagedRestore): void {
  writeFileSync(pendingRestoreFile(databaseFile), JSON.stringify(staged), { mode: 0o600 });
}

export function readStagedRestore(databaseFile: string): StagedRestore | null {
  const file = pendingRestoreFile(databaseFile);
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as StagedRestore;
    return typeof value.backup === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Runs at start-up, before the database is opened. Returns what happened, for the audit trail. */
export async function applyStagedRestore(databaseFile: string, backupsDir: string, clock: Clock): Promise<AppliedRestore | null> {
  const marker = pendingRestoreFile(databaseFile);
  const staged = readStagedRestore(databaseFile);
  if (!staged) {
    rmSync(marker, { force: true });
    return null;
  }
  try {
    // basename: the marker names a file in the backups folder and nothing else.
    const service = createBackupService({ databaseFile, backupsDir, clock });
    const result = await service.restore(join(backupsDir, basename(staged.backup)));
    return { ok: true, staged, ...result };
  } catch (error) {
    return { ok: false, staged, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(marker, { force: true });
  }
}

/**
 * The restored database's own trail records the restore (the entry chains onto the backup's last
 * one). The person who asked may not exist in the restored data, so the entry falls back to the
 * counter's built-in administrator.
 */
export async function auditAppliedRestore(db: Db, applied: AppliedRestore, fallback: { userId: string; counterId: string }, clock: Clock, newId: IdGenerator): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('users').select('id').where('id', '=', applied.staged.requestedBy).executeTakeFirst();
    const after = applied.ok
      ? { backup: applied.staged.backup, stage: 'restored', counts: applied.restored.counts, safetyBackup: applied.safety ? basename(applied.safety.file) : null }
      : { backup: applied.staged.backup, stage: 'refused', reason: applied.reason };
    await appendAudit(trx, { userId: known?.id ?? fallback.userId, counterId: fallback.counterId }, { action: 'update', entity: 'database_restore', entityId: null, after }, newId(), clock.now());
  });
}
