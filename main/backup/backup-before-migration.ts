/**
 * A new version may migrate the database on its first start. When an existing database has
 * migrations pending, a verified backup is taken first, so an update can always be undone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Migrator } from 'kysely/migration';
import type { Db } from '../db/open-database';
import { staticMigrationProvider } from '../db/migrations';
import { backupDatabase } from './sqlite-backup';
import { verifyBackup } from './verify-backup';

export async function backupBeforeMigration(db: Db, databaseFile: string, at: Date): Promise<string | null> {
  const migrations = await new Migrator({ db, provider: staticMigrationProvider }).getMigrations();
  const applied = migrations.filter((m) => m.executedAt !== undefined).length;
  // A brand-new database (nothing applied yet) has nothing to protect.
  if (applied === 0 || applied === migrations.length || !existsSync(databaseFile)) return null;
  const dir = join(dirname(databaseFile), 'backups', 'before-migration');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `istiqbal-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.sqlite`);
  await backupDatabase(databaseFile, file);
  await verifyBackup(file);
  return file;
}
