/**
 * Each counter's login may write only as itself. Counters lose INSERT/UPDATE on the sync tables
 * and push through `istiqbal_push`, a SECURITY DEFINER function that:
 *  - binds a device id to the login that first pushes it (`sync_devices.login_role`, from
 *    `session_user`, which a counter cannot change) and refuses any other login with SQLSTATE
 *    42501 and a message starting `istiqbal: device … belongs to …`;
 *  - moves only that device's high-water mark;
 *  - applies the merge rule itself (accept when the row is new, was last written by this device,
 *    or the counter saw the current central version; otherwise "stale"), so no counter can
 *    overwrite another's row by writing the tables directly;
 *  - never lets a device overwrite another device's row of an owner-only table (the audit trail,
 *    print jobs…: `sync_table_rules`, written from the registry by `central migrate`).
 * The log (`sync_changes`) and `sync_rows` stay readable by every counter: pulls and digests
 * are unchanged. Devices pushed before this migration have no login yet: the first login that
 * pushes one claims it.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The advisory lock every push takes (also in central-store.ts history): change numbers follow commit order. */
export const PUSH_LOCK = 0x15719ba1;

export const central0002: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE sync_devices ADD COLUMN login_role text`.execute(db);
    await sql`CREATE TABLE sync_table_rules (
      table_name text PRIMARY KEY,
      owner_only boolean NOT NULL)`.execute(db);

    // Privacy notices are now shared and keyed by their version number (one society, one notice
    // per version); their rows under the old per-counter ids would never match a counter again.
    await sql`DELETE FROM sync_rows WHERE table_name = 'privacy_notices' AND row_key !~ '^[0-9]+$'`.execute(db);

    await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON sync_devices, sync_changes, sync_rows FROM istiqbal_counter`.execute(db);
    await sql`REVOKE USAGE ON SEQUENCE sync_changes_change_seq_seq FROM istiqbal_counter`.execute(db);
    await sql`GRANT SELECT ON sync_devices, sync_changes, sync_rows, sync_table_rules TO istiqbal_counter`.execute(db);

    // `search_path` pinned to this schema: a SECURITY DEFINER function must not resolve names
    // through a path the caller controls.
    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
    const path = sql.raw(`"${schema.replace(/"/g, '""')}", pg_temp`);

    await sql`CREATE FUNCTION istiqbal_device_owner(p_device text, p_counter text) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $fn$
      DECLARE
        v_login text := session_user;
        v_owner text;
        v_high bigint;
      BEGIN
        INSERT INTO sync_devices (device_id, counter_id, login_role) VALUES (p_device, p_counter, v_login)
          ON CONFLICT (device_id) DO NOTHING;
        SELECT login_role, high_water INTO v_owner, v_high FROM sync_devices WHERE device_id = p_device FOR UPDATE;
        IF v_owner IS NULL THEN
          UPDATE sync_devices SET login_role = v_login WHERE device_id = p_device;
          v_owner := v_login;
        END IF;
        IF v_owner <> v_login THEN
          RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('istiqbal: device %s belongs to the login %s; the login %s may not write as it', p_device, v_owner, v_login);
        END IF;
        RETURN v_high;
      END $fn$`.execute(db);

    await sql`CREATE FUNCTION istiqbal_push(p_device text, p_counter text, p_to_seq bigint, p_changes json)
      RETURNS TABLE (seq bigint, accepted boolean, change_seq bigint)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $fn$
      #variable_conflict use_column
      DECLARE
        v_high bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(${sql.lit(PUSH_LOCK)});
        v_high := istiqbal_device_owner(p_device, p_counter);
        RETURN QUERY
        WITH x AS (
          SELECT * FROM json_to_recordset(p_changes)
            AS x(i int, seq bigint, t text, k text, op text, row jsonb, h text, hlc text, base bigint)
        ), decided AS (
          SELECT x.*, CASE
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
        ), up AS (
          INSERT INTO sync_rows (table_name, row_key, change_seq, origin_device, row_hash, deleted)
          SELECT ins.table_name, ins.row_key, ins.change_seq, p_device, ins.row_hash, ins.op = 'delete' FROM ins
          ON CONFLICT (table_name, row_key) DO UPDATE SET change_seq = excluded.change_seq,
            origin_device = excluded.origin_device, row_hash = excluded.row_hash, deleted = excluded.deleted
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

    await sql`CREATE FUNCTION istiqbal_mark_pulled(p_device text, p_counter text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $fn$
      BEGIN
        PERFORM istiqbal_device_owner(p_device, p_counter);
        UPDATE sync_devices SET last_pull_at = now() WHERE device_id = p_device;
      END $fn$`.execute(db);

    // The owner check is called by the two entry points only (as their definer), never directly.
    await sql`REVOKE ALL ON FUNCTION istiqbal_device_owner(text, text) FROM PUBLIC`.execute(db);
    for (const fn of ['istiqbal_push(text, text, bigint, json)', 'istiqbal_mark_pulled(text, text)']) {
      await sql.raw(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`).execute(db);
      await sql.raw(`GRANT EXECUTE ON FUNCTION ${fn} TO istiqbal_counter`).execute(db);
    }
  },
};
