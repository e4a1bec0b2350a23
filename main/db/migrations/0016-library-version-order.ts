/**
 * A library document's version numbers no longer clash across counters. Migration 0011 made
 * (document_id, version_no) UNIQUE and each counter numbered a new version "last + 1" from what it
 * had seen, so two counters adding a version of one document offline both wrote number 2 and the
 * second one waited in the conflict queue as a unique-key conflict, with no useful answer a person
 * could give (both files are real versions; neither should be dropped or renamed by hand).
 *
 * Chosen: the number shown is DERIVED, not stored: a document's versions in (created_at, id)
 * order, numbered from 1 (main/library/library-service.ts). Every counter and the head office
 * then show the same numbers once they hold the same rows, whatever order the rows arrived in,
 * with no person involved; both versions stay readable. Rejected: UNIQUE (document, number, id)
 * with a tie order, which keeps two different files called "version 2" (staff quoting "version 2"
 * would mean two things) and still needs the same ordering to break the tie. The stored
 * `version_no` stays as written (rows are immutable and synced): it records the number the
 * uploading counter gave at the time, nothing reads it for display any more.
 *
 * SQLite cannot drop a table constraint (0011 declared it inside CREATE TABLE, so it is an
 * automatic index that DROP INDEX refuses): the table is rebuilt by SQLite's documented procedure
 * (foreign keys off outside a transaction, new table, copy, drop, rename, foreign_key_check),
 * from the table's own stored definition minus that one constraint, so any column added to it
 * meanwhile is kept. The capture triggers that went with the old table are installed again at
 * every start (main/sync/ensure-sync.ts runs after the migrations). Library versions held back
 * by the constraint on a syncing counter are applied at its next pull (apply-remote.ts retries
 * held rows and closes their unique-key conflicts).
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const CONSTRAINT = /,\s*constraint\s+"library_versions_document_no"\s+unique\s*\(\s*"document_id"\s*,\s*"version_no"\s*\)/i;

export const migration0016: Migration = {
  async up(db: Kysely<unknown>) {
    const found = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'library_versions'`.execute(db);
    const create = found.rows[0]?.sql;
    if (!create) throw new Error('migration 0016: library_versions is missing');
    if (!CONSTRAINT.test(create)) throw new Error('migration 0016: the (document_id, version_no) constraint is not where 0011 put it');
    const rebuilt = create.replace(CONSTRAINT, '').replace(/^CREATE TABLE\s+"?library_versions"?/i, 'CREATE TABLE "library_versions_0016"');

    // Not allowed inside a transaction; the migrator runs SQLite migrations outside one.
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    try {
      await sql`BEGIN IMMEDIATE`.execute(db);
      try {
        await sql.raw(rebuilt).execute(db);
        await sql`INSERT INTO library_versions_0016 SELECT * FROM library_versions`.execute(db);
        await sql`DROP TABLE library_versions`.execute(db);
        await sql`ALTER TABLE library_versions_0016 RENAME TO library_versions`.execute(db);
        // The displayed order (and a document's version list) reads (document, created_at, id).
        await sql`CREATE INDEX library_versions_document_order ON library_versions(document_id, created_at, id)`.execute(db);
        const broken = [...(await sql`PRAGMA foreign_key_check(library_versions)`.execute(db)).rows, ...(await sql`PRAGMA foreign_key_check(library_pages)`.execute(db)).rows];
        if (broken.length > 0) throw new Error(`migration 0016: foreign keys broken: ${JSON.stringify(broken.slice(0, 5))}`);
        await sql`COMMIT`.execute(db);
      } catch (error) {
        await sql`ROLLBACK`.execute(db);
        throw error;
      }
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(db);
    }
  },
};
