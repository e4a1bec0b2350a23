/**
 * Checks that a backup file is a sound Istiqbal database and says what it holds, so a restore
 * can be previewed before anything is replaced.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';
import { readOnlyQuery } from './sqlite-backup';

export interface BackupSummary {
  file: string;
  migrations: string[];
  counts: Record<string, number>;
}

const COUNTED = ['beneficiaries', 'household_members', 'users', 'audit_log'];

export const INVALID_BACKUP = {
  ar: 'ملف النسخة الاحتياطية تالف أو ليس نسخة من قاعدة بيانات استقبال؛ لم يُستبدل شيء.',
  en: 'The backup file is damaged or is not an Istiqbal database; nothing was replaced.',
};

export async function verifyBackup(file: string): Promise<BackupSummary> {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', INVALID_BACKUP);
  try {
    const check = await readOnlyQuery<{ integrity_check: string }>(file, 'PRAGMA integrity_check');
    if (check.length !== 1 || check[0]!.integrity_check !== 'ok') throw new Error('integrity_check failed');
    const migrations = (await readOnlyQuery<{ name: string }>(file, 'SELECT name FROM kysely_migration ORDER BY name')).map((m) => m.name);
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const rows = await readOnlyQuery<{ n: number }>(file, `SELECT count(*) AS n FROM ${table}`).catch(() => [{ n: 0 }]);
      counts[table] = rows[0]!.n;
    }
    return { file, migrations, counts };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', INVALID_BACKUP);
  }
}
