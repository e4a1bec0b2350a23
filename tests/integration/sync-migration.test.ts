/**
 * Migration 0007 on a database that already holds data: the sync tables appear, and the first
 * start queues the existing rows once (so data written before sync existed travels), installs
 * the capture triggers, and a second start queues nothing more.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase } from '../../main/db/open-database';
import { MIGRATIONS, staticMigrationProvider } from '../../main/db/migrations';
import { ensureSync } from '../../main/sync/ensure-sync';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('0007-sync', () => {
  it('upgrades a database with rows, queues them once, and captures later writes', async () => {
    const file = join(tmp.dir, 'old.sqlite');
    const names = Object.keys(MIGRATIONS);
    const before = names[names.indexOf('0007-sync') - 1]!;
    let db = openDatabase(file);
    await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(before);
    const at = new Date().toISOString();
    await db.insertInto('counters').values({ id: 'c1', code: 'K09', name: 'قديم', created_at: at, updated_at: at }).execute();
    await db.destroy();

    db = openDatabase(file);
    const result = await new Migrator({ db, provider: staticMigrationProvider }).migrateToLatest();
    expect(result.error).toBeUndefined();
    expect(result.results?.map((r) => r.migrationName)).toContain('0007-sync');
    await ensureSync(db);
    const outbox = () => sql<{ table_name: string; row_key: string }>`SELECT table_name, row_key FROM sync_outbox ORDER BY seq`.execute(db).then((r) => r.rows);
    expect(await outbox()).toEqual([{ table_name: 'counters', row_key: 'c1' }]);
    await ensureSync(db);
    expect(await outbox()).toHaveLength(1);
    await db.updateTable('counters').set({ name: 'جديد' }).where('id', '=', 'c1').execute();
    expect(await outbox()).toEqual([
      { table_name: 'counters', row_key: 'c1' },
      { table_name: 'counters', row_key: 'c1' },
    ]);
    const triggers = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`.execute(db);
    expect(triggers.rows.map((t) => t.name)).toContain('sync_capture_beneficiaries_update');
    await db.destroy();
  });
});
