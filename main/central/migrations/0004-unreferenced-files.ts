/**
 * Erased files leave the central store too. `istiqbal_prune_files` (SECURITY DEFINER, like
 * `istiqbal_put_file`: counters still cannot write `sync_files`) deletes the files that no synced
 * attachments or library_versions row refers to any more — a row counts while `sync_rows` has it
 * not deleted (soft-deleted rows are upserts and keep their file) — and returns how many. The
 * server decides what is referenced, from its own tables, so a counter cannot remove a file
 * still in use. Only files stored more than an hour ago go: a counter stores a batch's files just
 * before it pushes the batch's rows, and that file has no row yet. The push lock serialises the
 * prune with pushes, so a row committing meanwhile is seen; and a counter that found a file
 * already central checks again after its rows commit (sync/push.ts), sending it if it was pruned.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { PUSH_LOCK } from './0002-counter-logins';

export const central0004: Migration = {
  async up(db: Kysely<unknown>) {
    // Finds the current version of the rows that may carry a file hash without scanning the log.
    await sql`CREATE INDEX IF NOT EXISTS sync_rows_file_tables ON sync_rows (table_name) WHERE table_name IN ('attachments', 'library_versions') AND NOT deleted`.execute(db);

    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
    const path = sql.raw(`"${schema.replace(/"/g, '""')}", pg_temp`);
    await sql`CREATE FUNCTION istiqbal_prune_files(p_device text, p_counter text)
      RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $fn$
      DECLARE
        v_count integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(${sql.lit(PUSH_LOCK)});
        PERFORM istiqbal_device_owner(p_device, p_counter);
        WITH referenced AS (
          SELECT DISTINCT c.row->>'sha256' AS sha256
          FROM sync_rows r JOIN sync_changes c ON c.change_seq = r.change_seq
          WHERE r.table_name IN ('attachments', 'library_versions') AND NOT r.deleted AND c.row IS NOT NULL
        ), gone AS (
          DELETE FROM sync_files f
          WHERE f.received_at < now() - interval '1 hour'
            AND NOT EXISTS (SELECT 1 FROM referenced x WHERE x.sha256 = f.sha256)
          RETURNING 1
        )
        SELECT count(*) INTO v_count FROM gone;
        RETURN v_count;
      END $fn$`.execute(db);
    await sql`REVOKE ALL ON FUNCTION istiqbal_prune_files(text, text) FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION istiqbal_prune_files(text, text) TO istiqbal_counter`.execute(db);
  },
};
