/**
 * Kysely's view of the sync bookkeeping tables (migration 0007). Kept beside the sync code rather
 * than in db/schema.ts so other domains' schema edits and this one never collide; `syncDb()`
 * widens the app's database type with them.
 */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Db } from '../db/open-database';

export interface SyncTables {
  sync_outbox: { seq: Generated<number>; table_name: string; row_key: string; hlc: string };
  sync_control: { id: number; applying: number; hlc_ms: number; hlc_counter: number; node: string };
  sync_state: { key: string; value: string };
  sync_base: { table_name: string; row_key: string; central_seq: number; row_json: string | null };
  sync_held: { table_name: string; row_key: string; central_seq: number; row_json: string; reason: string; held_at: string };
  sync_conflicts: {
    id: string;
    kind: string;
    table_name: string;
    row_key: string;
    field: string | null;
    local_value: string | null;
    remote_value: string | null;
    other_key: string | null;
    remote_device: string | null;
    detected_at: string;
    resolved_at: string | null;
    resolved_by: string | null;
    resolution: string | null;
  };
  sync_runs: {
    id: string;
    trigger: string;
    started_at: string;
    finished_at: string | null;
    status: string;
    pushed: number;
    pulled: number;
    conflicts: number;
    mismatches: number;
    repulled: number;
    attempts: number;
    error_ar: string | null;
    error_en: string | null;
    detail: string | null;
  };
}

export type SyncDatabase = Database & SyncTables;
export type SDb = Kysely<SyncDatabase>;
export type STrx = Transaction<SyncDatabase>;

export function syncDb(db: Db): SDb {
  return db as unknown as SDb;
}
