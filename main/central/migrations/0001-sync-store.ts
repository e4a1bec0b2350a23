/**
 * The central store. `sync_changes` is the log every counter pulls from, in commit order (pushes
 * are serialised by an advisory lock, so a cursor never skips a late commit); `sync_rows` points
 * at the current version of every row; `sync_devices` holds each counter's high-water mark,
 * which makes a replayed batch a no-op. Readable per-table views are created from the registry
 * by `central migrate` (see domain-views.ts).
 *
 * `istiqbal_counter` is the group role counters log in through: it may read and append, never
 * delete, truncate or change the schema.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const central0001: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE sync_devices (
      device_id text PRIMARY KEY,
      counter_id text NOT NULL,
      high_water bigint NOT NULL DEFAULT 0,
      last_push_at timestamptz,
      last_pull_at timestamptz)`.execute(db);
    await sql`CREATE TABLE sync_changes (
      change_seq bigserial PRIMARY KEY,
      device_id text NOT NULL,
      device_seq bigint NOT NULL,
      table_name text NOT NULL,
      row_key text NOT NULL,
      op text NOT NULL CHECK (op IN ('upsert', 'delete')),
      row jsonb,
      row_hash text NOT NULL,
      hlc text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (device_id, device_seq))`.execute(db);
    await sql`CREATE TABLE sync_rows (
      table_name text NOT NULL,
      row_key text NOT NULL,
      change_seq bigint NOT NULL REFERENCES sync_changes(change_seq),
      origin_device text NOT NULL,
      row_hash text NOT NULL,
      deleted boolean NOT NULL,
      PRIMARY KEY (table_name, row_key))`.execute(db);
    // No index on the digest ranges: they are read after a run and on repairs, a pushed batch
    // writes sync_rows on every change, and COPY-like push speed matters more.
    await sql`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'istiqbal_counter') THEN
        CREATE ROLE istiqbal_counter NOLOGIN;
      END IF;
    END $$`.execute(db);
    await sql`GRANT SELECT, INSERT, UPDATE ON sync_devices, sync_changes, sync_rows TO istiqbal_counter`.execute(db);
    await sql`GRANT USAGE ON SEQUENCE sync_changes_change_seq_seq TO istiqbal_counter`.execute(db);
  },
};
