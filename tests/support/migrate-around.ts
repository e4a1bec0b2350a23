/**
 * For the test of one migration on an existing file: the file as it was just before that
 * migration, then the same file migrated on, as a counter's update does.
 */
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS, staticMigrationProvider } from '../../main/db/migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a file at any migration: no one schema type fits
type AnyDb = Kysely<any>;

const migrator = (db: AnyDb) => new Migrator({ db, provider: staticMigrationProvider });

/** Migrates `db` up to, not including, the migration `name`. */
export async function migrateToJustBefore(db: AnyDb, name: string): Promise<void> {
  const names = Object.keys(MIGRATIONS);
  const at = names.indexOf(name);
  if (at < 1) throw new Error(`no migration before ${name}`);
  const { error } = await migrator(db).migrateTo(names[at - 1]!);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Migrates `db` on to the latest; returns the names of the migrations that ran. */
export async function migrateOnToLatest(db: AnyDb): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
