/**
 * Sync bookkeeping on the counter: the outbox (filled by triggers, see main/sync/capture-triggers),
 * the hybrid clock and the "applying pulled rows" switch, the last central version of each row
 * (base of three-way merges), rows waiting for a person or a parent, the conflict queue and the
 * run history. The triggers themselves are (re)created at every start from the registry.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration0007: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL,
      row_key TEXT NOT NULL,
      hlc TEXT NOT NULL)`.execute(db);
    await sql`CREATE INDEX sync_outbox_row ON sync_outbox(table_name, row_key)`.execute(db);

    await sql`CREATE TABLE sync_control (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      applying INTEGER NOT NULL DEFAULT 0,
      hlc_ms INTEGER NOT NULL DEFAULT 0,
      hlc_counter INTEGER NOT NULL DEFAULT 0,
      node TEXT NOT NULL DEFAULT '')`.execute(db);
    await sql`INSERT INTO sync_control (id) VALUES (1)`.execute(db);

    await sql`CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(db);

    await sql`CREATE TABLE sync_base (
      table_name TEXT NOT NULL,
      row_key TEXT NOT NULL,
      central_seq INTEGER NOT NULL,
      row_json TEXT,
      PRIMARY KEY (table_name, row_key)) WITHOUT ROWID`.execute(db);

    await sql`CREATE TABLE sync_held (
      table_name TEXT NOT NULL,
      row_key TEXT NOT NULL,
      central_seq INTEGER NOT NULL,
      row_json TEXT NOT NULL,
      reason TEXT NOT NULL,
      held_at TEXT NOT NULL,
      PRIMARY KEY (table_name, row_key))`.execute(db);

    await sql`CREATE TABLE sync_conflicts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      table_name TEXT NOT NULL,
      row_key TEXT NOT NULL,
      field TEXT,
      local_value TEXT,
      remote_value TEXT,
      other_key TEXT,
      remote_device TEXT,
      detected_at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT,
      resolution TEXT)`.execute(db);
    await sql`CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, table_name, row_key)`.execute(db);

    await sql`CREATE TABLE sync_runs (
      id TEXT PRIMARY KEY,
      trigger TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL,
      pushed INTEGER NOT NULL DEFAULT 0,
      pulled INTEGER NOT NULL DEFAULT 0,
      conflicts INTEGER NOT NULL DEFAULT 0,
      mismatches INTEGER NOT NULL DEFAULT 0,
      repulled INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      error_ar TEXT,
      error_en TEXT,
      detail TEXT)`.execute(db);
    await sql`CREATE INDEX sync_runs_started ON sync_runs(started_at)`.execute(db);
  },
};
