/**
 * THE registry of synchronised tables: the one place a domain's table is declared for sync.
 * Capture triggers are generated from it at every start, so services need no sync code and new
 * columns travel without changes here. Order matters only for readability: parents first.
 *
 * - key: the primary key column (client-generated: UUIDv7, or a fixed code for reference data).
 * - mergeClass: 'append' (append-mostly: whole-row, later stamp wins, never queued) or
 *   'fields' (merged per field; `identityFields` changed on two counters go to the queue).
 * - localColumns: columns that never leave the counter (local sequence numbers, edit versions);
 *   `insert` is the value a pulled row gets, `bump` adds one on every applied change.
 * - immutable: rows are never updated (the database refuses it): pulled rows are insert-if-absent.
 */
import type { MergeClass } from '../../shared/sync/merge';

export interface LocalColumn {
  insert: number | string | null;
  bump?: boolean;
}

export interface SyncedTable {
  table: string;
  key: string;
  mergeClass: MergeClass;
  identityFields?: readonly string[];
  localColumns?: Readonly<Record<string, LocalColumn>>;
  immutable?: boolean;
}

export const SYNCED_TABLES: readonly SyncedTable[] = [
  { table: 'counters', key: 'id', mergeClass: 'fields' },
  { table: 'users', key: 'id', mergeClass: 'fields' },
  { table: 'beneficiary_categories', key: 'key', mergeClass: 'fields' },
  {
    table: 'beneficiaries',
    key: 'id',
    mergeClass: 'fields',
    identityFields: ['id_type', 'id_number', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'gender', 'birth_date', 'nationality'],
    localColumns: { version: { insert: 1, bump: true } },
  },
  { table: 'household_members', key: 'id', mergeClass: 'fields', identityFields: ['name', 'id_number', 'birth_date', 'relation'] },
  { table: 'audit_log', key: 'id', mergeClass: 'append', localColumns: { seq: { insert: null } }, immutable: true },
];

export function syncedTable(name: string): SyncedTable {
  const t = SYNCED_TABLES.find((s) => s.table === name);
  if (!t) throw new Error(`table ${name} is not synchronised`);
  return t;
}
