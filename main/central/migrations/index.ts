/** Central migrations, static like the local ones; their own history table. */
import type { Migration, MigrationProvider } from 'kysely/migration';
import { central0001 } from './0001-sync-store';
import { central0002 } from './0002-counter-logins';
import { central0003 } from './0003-sync-files';
import { central0004 } from './0004-unreferenced-files';
import { central0005 } from './0005-push-jsonb';

export const CENTRAL_MIGRATIONS: Record<string, Migration> = {
  '0001-sync-store': central0001,
  '0002-counter-logins': central0002,
  '0003-sync-files': central0003,
  '0004-unreferenced-files': central0004,
  '0005-push-jsonb': central0005,
};

export const centralMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return CENTRAL_MIGRATIONS;
  },
};
