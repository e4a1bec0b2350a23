/** Migration 0003: printers, defaults per counter and document, and the print queue. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase, type Db } from '../../main/db/open-database';
import { staticMigrationProvider } from '../../main/db/migrations';
import { makeTempDir } from '../support/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function migratedTo(name: string): Promise<Db> {
  const tmp = makeTempDir();
  const db = openDatabase(join(tmp.dir, 'm.sqlite'));
  cleanups.push(tmp.cleanup, () => db.destroy());
  const result = await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(name);
  expect(result.error).toBeUndefined();
  return db;
}

describe('migration 0003-print-jobs', () => {
  it('upgrades a 0002 database with the printing tables, and the queue refuses an unknown printer', async () => {
    const db = await migratedTo('0002-beneficiaries');
    await new Migrator({ db, provider: staticMigrationProvider }).migrateTo('0003-print-jobs');
    const names = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)).rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['printers', 'printer_defaults', 'print_jobs']));
    const insertJob = (printerId: string | null) =>
      sql`INSERT INTO print_jobs (id, kind, record_id, printer_id, data_json, status, created_at, updated_at, created_by, counter_id)
          VALUES (${`j-${printerId}`}, 'queue-ticket', 'r1', ${printerId}, '{}', 'queued', 'now', 'now', 'u', 'c')`.execute(db);
    await insertJob(null);
    await expect(insertJob('no-such-printer')).rejects.toThrow(/FOREIGN KEY/);
    const job = await db.selectFrom('print_jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 0, claim: 0, status: 'queued' });
  });
});
