/** Each migration, on a fresh file and on a file that already has the earlier ones. */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { openDatabase, migrateToLatest, type Db } from '../../main/db/open-database';
import { MIGRATIONS, staticMigrationProvider } from '../../main/db/migrations';
import { makeTempDir } from '../support/temp-dir';

const open: Db[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
  for (const c of cleanups.splice(0)) c();
});

function freshDb(): { db: Db; file: string } {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const file = join(tmp.dir, 'm.sqlite');
  const db = openDatabase(file);
  open.push(db);
  return { db, file };
}

async function tables(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

describe('migrations', () => {
  it('are named in order with zero-padded numbers', () => {
    const names = Object.keys(MIGRATIONS);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{4}-[a-z-]+$/);
  });

  it('0001 creates counters, users, settings, sequences and an append-only audit log', async () => {
    const { db } = freshDb();
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    const r = await migrator.migrateTo('0001-foundation');
    expect(r.error).toBeUndefined();
    expect(await tables(db)).toEqual(expect.arrayContaining(['audit_log', 'counters', 'sequences', 'settings', 'users']));
    await sql`INSERT INTO audit_log (id, at, user_id, counter_id, action, entity, prev_hash, hash) VALUES ('a', 'now', 'u', 'c', 'create', 'x', 'p', 'h')`.execute(db);
    await expect(sql`UPDATE audit_log SET action = 'delete'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('0002 upgrades a database that has only 0001, keeping its rows', async () => {
    const { db, file } = freshDb();
    await new Migrator({ db, provider: staticMigrationProvider }).migrateTo('0001-foundation');
    await sql`INSERT INTO counters (id, code, name, created_at, updated_at) VALUES ('c1', 'K09', 'old', 'x', 'x')`.execute(db);
    await db.destroy();
    open.pop();

    const reopened = openDatabase(file);
    open.push(reopened);
    const result = await new Migrator({ db: reopened, provider: staticMigrationProvider }).migrateTo('0002-beneficiaries');
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([['0002-beneficiaries', 'Success']]);
    expect(await tables(reopened)).toEqual(expect.arrayContaining(['beneficiaries', 'household_members', 'beneficiary_categories', 'beneficiaries_fts']));
    const counters = await sql<{ code: string }>`SELECT code FROM counters`.execute(reopened);
    expect(counters.rows).toEqual([{ code: 'K09' }]);
  });

  it('0002 keeps the trigram name index in step with the table', async () => {
    const { db } = freshDb();
    await migrateToLatest(db);
    const cols = "id, reference, id_type, id_number, first_name, father_name, grandfather_name, family_name, name_normalised, gender, nationality, mobile, version, created_at, updated_at, created_by, updated_by, counter_id";
    await sql.raw(`INSERT INTO beneficiaries (${cols}) VALUES ('b1','B-1','national_id','1000000008','a','b','c','d','احمد محمد القحطاني','male','SA','+966551234567',1,'x','x','u','u','c')`).execute(db);
    const match = () => sql<{ rowid: number }>`SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH '"حطان"'`.execute(db);
    expect((await match()).rows).toHaveLength(1);
    await sql`UPDATE beneficiaries SET name_normalised = 'سعد علي الدوسري'`.execute(db);
    expect((await match()).rows).toHaveLength(0);
    await sql`DELETE FROM beneficiaries`.execute(db);
    const all = await sql`SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH '"دوسر"'`.execute(db);
    expect(all.rows).toHaveLength(0);
  });

  it('running them again on an up-to-date file changes nothing', async () => {
    const { db } = freshDb();
    await migrateToLatest(db);
    expect(await migrateToLatest(db)).toEqual([]);
  });
});
