/** Kysely's view of the central PostgreSQL (created by main/central/migrations). */
export interface CentralDatabase {
  sync_devices: { device_id: string; counter_id: string; high_water: string | number; last_push_at: Date | null; last_pull_at: Date | null };
  sync_changes: {
    change_seq: string | number;
    device_id: string;
    device_seq: string | number;
    table_name: string;
    row_key: string;
    op: string;
    row: unknown;
    row_hash: string;
    hlc: string;
    received_at: Date;
  };
  sync_files: { sha256: string; size: number; bytes: Buffer; device_id: string; received_at: Date };
  sync_rows: { table_name: string; row_key: string; change_seq: string | number; origin_device: string; row_hash: string; deleted: boolean };
}
