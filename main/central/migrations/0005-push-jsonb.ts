/**
 * A cheaper `istiqbal_push`: the same rule, the same owner check, the same answers, parsed once.
 *
 * The 0002 function takes its batch as `json`: the server validates the text (json_in), walks it
 * again in json_to_recordset, and parses every row's text a third time into `jsonb` for the log.
 * This overload takes `jsonb`, parsed once on the way in; jsonb_to_recordset then hands each row
 * to the log as a binary copy. Its `work_mem` is raised for the call only: a 5,000-change batch is
 * about 5 MB, and under the default 4 MB the recordset, the `decided` rows and the sort by batch
 * position all spilled to temporary files (EXPLAIN ANALYZE: "external merge", "Storage: Disk").
 *
 * Rows new to `sync_rows` are written by a plain INSERT (ON CONFLICT only for rows it already
 * has), and the foreign key from `sync_rows` to the log is replaced by per-statement checks (see
 * below). The `json` form stays for counters not yet updated and now hands its batch to this
 * one, so the rule lives in one body. Both stay SECURITY DEFINER with the pinned `search_path`.
 * Durability is untouched: synchronous_commit stays as the server has it, so a push is durable
 * when it is acknowledged.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { PUSH_LOCK } from './0002-counter-logins';

/** Enough for the recordset, the decided rows and the sort of a batch of some 20,000 changes. */
const PUSH_WORK_MEM = '64MB';

export const central0005: Migration = {
  async up(db: Kysely<unknown>) {
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
    const path = sql.raw(`"${schema.replace(/"/g, '""')}", pg_temp`);

    await sql`CREATE FUNCTION istiqbal_push(p_device text, p_counter text, p_to_seq bigint, p_changes jsonb)
      RETURNS TABLE (seq bigint, accepted boolean, change_seq bigint)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} SET work_mem = ${sql.lit(PUSH_WORK_MEM)} AS $fn$
      #variable_conflict use_column
      DECLARE
        v_high bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${sql.lit(PUSH_LOCK)});
        v_high := istiqbal_device_owner(p_device, p_counter);
        RETURN QUERY
        WITH x AS (
          SELECT * FROM jsonb_to_recordset(p_changes)
            AS x(i int, seq bigint, t text, k text, op text, row jsonb, h text, hlc text, base bigint)
        ), decided AS (
          SELECT x.*, r.change_seq IS NOT NULL AS known, CASE
              WHEN x.seq <= v_high THEN 'replayed'
              WHEN x.op NOT IN ('upsert', 'delete') THEN 'stale'
              WHEN r.change_seq IS NULL THEN 'accept'
              WHEN r.origin_device = p_device THEN 'accept'
              WHEN coalesce(tr.owner_only, false) THEN 'stale'
              WHEN r.change_seq = x.base THEN 'accept'
              ELSE 'stale' END AS d
          FROM x
          LEFT JOIN sync_rows r ON r.table_name = x.t AND r.row_key = x.k
          LEFT JOIN sync_table_rules tr ON tr.table_name = x.t
        ), ins AS (
          INSERT INTO sync_changes (device_id, device_seq, table_name, row_key, op, row, row_hash, hlc)
          SELECT p_device, d.seq, d.t, d.k, d.op, d.row, d.h, d.hlc FROM decided d WHERE d.d = 'accept' ORDER BY d.i
          RETURNING sync_changes.change_seq, sync_changes.device_seq, sync_changes.table_name, sync_changes.row_key,
            sync_changes.row_hash, sync_changes.op
        ), up_known AS (
          INSERT INTO sync_rows (table_name, row_key, change_seq, origin_device, row_hash, deleted)
          SELECT ins.table_name, ins.row_key, ins.change_seq, p_device, ins.row_hash, ins.op = 'delete'
            FROM ins JOIN decided d ON d.seq = ins.device_seq WHERE d.known
          ON CONFLICT (table_name, row_key) DO UPDATE SET change_seq = excluded.change_seq,
            origin_device = excluded.origin_device, row_hash = excluded.row_hash, deleted = excluded.deleted
        ), up_new AS (
          -- Rows the central store did not have: a plain insert (pushes are serialised by the lock,
          -- and nothing else writes sync_rows), without ON CONFLICT's speculative insertion.
          INSERT INTO sync_rows (table_name, row_key, change_seq, origin_device, row_hash, deleted)
          SELECT ins.table_name, ins.row_key, ins.change_seq, p_device, ins.row_hash, ins.op = 'delete'
            FROM ins JOIN decided d ON d.seq = ins.device_seq WHERE NOT d.known
        )
        SELECT ins.device_seq, true, ins.change_seq FROM ins
        UNION ALL
        -- A batch seen before: answered from the log, as the first time; nothing changes.
        SELECT d.seq, c.change_seq IS NOT NULL, c.change_seq FROM decided d
          LEFT JOIN sync_changes c ON c.device_id = p_device AND c.device_seq = d.seq
          WHERE d.d = 'replayed'
        UNION ALL
        SELECT d.seq, false, NULL::bigint FROM decided d WHERE d.d = 'stale';
        UPDATE sync_devices SET high_water = GREATEST(high_water, p_to_seq), last_push_at = now()
          WHERE device_id = p_device;
      END $fn$`.execute(db);

    // Counters still sending `json`: one parse into jsonb, then the rule above.
    await sql`CREATE OR REPLACE FUNCTION istiqbal_push(p_device text, p_counter text, p_to_seq bigint, p_changes json)
      RETURNS TABLE (seq bigint, accepted boolean, change_seq bigint)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $fn$
      BEGIN
        RETURN QUERY SELECT * FROM istiqbal_push(p_device, p_counter, p_to_seq, p_changes::jsonb);
      END $fn$`.execute(db);

    // The pointer from sync_rows to the log, checked once per statement over the rows it wrote
    // (transition tables) rather than per row: the foreign key ran one lookup per pushed change
    // and locked the change it found (FOR KEY SHARE: one more WAL record per row), about a third
    // of the function's time. Every path that could break the pointer is still refused: a row
    // pointing at no change, a change deleted, renumbered or truncated while a row points at it.
    // A push only ever points at changes it has just written, so no other writer can race it.
    await sql`ALTER TABLE sync_rows DROP CONSTRAINT sync_rows_change_seq_fkey`.execute(db);
    await sql`CREATE FUNCTION istiqbal_rows_point_at_log() RETURNS trigger
      LANGUAGE plpgsql SET search_path = ${path} AS $fn$
      BEGIN
        IF EXISTS (SELECT 1 FROM pointing p WHERE NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.change_seq = p.change_seq)) THEN
          RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'istiqbal: a sync_rows entry must point at a change in sync_changes';
        END IF;
        RETURN NULL;
      END $fn$`.execute(db);
    for (const event of ['INSERT', 'UPDATE']) {
      await sql`CREATE TRIGGER ${sql.raw(`sync_rows_point_at_log_${event.toLowerCase()}`)} AFTER ${sql.raw(event)} ON sync_rows
        REFERENCING NEW TABLE AS pointing FOR EACH STATEMENT EXECUTE FUNCTION istiqbal_rows_point_at_log()`.execute(db);
    }
    await sql`CREATE FUNCTION istiqbal_log_still_pointed_at() RETURNS trigger
      LANGUAGE plpgsql SET search_path = ${path} AS $fn$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          IF EXISTS (SELECT 1 FROM sync_rows) THEN
            RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'istiqbal: sync_changes cannot be emptied while sync_rows points into it';
          END IF;
        ELSIF EXISTS (SELECT 1 FROM gone g JOIN sync_rows r ON r.change_seq = g.change_seq
            WHERE NOT EXISTS (SELECT 1 FROM sync_changes c WHERE c.change_seq = g.change_seq)) THEN
          RAISE EXCEPTION USING ERRCODE = '23503', MESSAGE = 'istiqbal: a change sync_rows points at cannot leave sync_changes';
        END IF;
        RETURN NULL;
      END $fn$`.execute(db);
    for (const event of ['DELETE', 'UPDATE']) {
      await sql`CREATE TRIGGER ${sql.raw(`sync_changes_still_pointed_at_${event.toLowerCase()}`)} AFTER ${sql.raw(event)} ON sync_changes
        REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION istiqbal_log_still_pointed_at()`.execute(db);
    }
    await sql`CREATE TRIGGER sync_changes_still_pointed_at_truncate AFTER TRUNCATE ON sync_changes
      FOR EACH STATEMENT EXECUTE FUNCTION istiqbal_log_still_pointed_at()`.execute(db);

    await sql`REVOKE ALL ON FUNCTION istiqbal_push(text, text, bigint, jsonb) FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION istiqbal_push(text, text, bigint, jsonb) TO istiqbal_counter`.execute(db);
  },
};
