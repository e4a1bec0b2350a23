/**
 * THE registry of synchronised tables: the one place a domain's table is declared for sync.
 * Capture triggers are generated from it at every start, so services need no sync code and new
 * columns travel without changes here. Order matters only for readability: parents first.
 *
 * - key: the primary key column (client-generated: UUIDv7, or a fixed code for reference data).
 * - mergeClass: 'append' (append-mostly: whole-row, later stamp wins, never queued) or
 *   'fields' (merged per field; `identityFields` changed on two counters go to the queue).
 * - fieldRules: fields of a 'fields' table settled by a rule instead of the later stamp when both
 *   counters changed them differently (shared/sync/merge.ts), e.g. 'earliest' for a first-event time.
 * - localColumns: columns that never leave the counter (local sequence numbers, edit versions);
 *   `insert` is the value a pulled row gets, `bump` adds one on every applied change.
 * - immutable: rows are never updated (the database refuses it): pulled rows are insert-if-absent.
 * - updateWhen: an SQL condition (over `excluded` and the table) an applied update must meet.
 * - pushOnly: this counter's rows go to the central database, other counters' rows never come
 *   back (the audit trail is one hash chain per counter file; print jobs and tickets are this
 *   counter's own operations). Verification compares this counter's own rows only.
 *
 * Not synchronised on purpose: settings and sequences (per counter), printers and printer
 * defaults (this counter's hardware). Attachment rows travel like any row; their files travel
 * beside them by content hash through the central `sync_files` (sync-files.ts).
 */
import type { FieldRule, MergeClass } from '../../shared/sync/merge';

export interface LocalColumn {
  insert: number | string | null;
  bump?: boolean;
}

export interface SyncedTable {
  table: string;
  key: string;
  mergeClass: MergeClass;
  identityFields?: readonly string[];
  fieldRules?: Readonly<Record<string, FieldRule>>;
  localColumns?: Readonly<Record<string, LocalColumn>>;
  immutable?: boolean;
  updateWhen?: string;
  pushOnly?: boolean;
  /**
   * Bumped when a table's sync shape changes (its key, its local columns, push-only → shared):
   * every counter then queues all its rows of that table once more, so the central copy takes
   * the new shape (see ensure-sync.ts).
   */
  shapeVersion?: number;
}

const VERSION: Readonly<Record<string, LocalColumn>> = { version: { insert: 1, bump: true } };

export const SYNCED_TABLES: readonly SyncedTable[] = [
  // Organisation and reference data (edited in place, field by field, no identity data).
  { table: 'counters', key: 'id', mergeClass: 'fields' },
  // Sign-in accounts and their roles are the society's: a person signs in at any counter. The
  // argon2id hash travels with the account (salted, memory-hard; the central database is already
  // trusted with every beneficiary's data), and the newest change of each field wins, so a password
  // changed or reset at one counter is the password everywhere after the next sync. Lock-out
  // state stays on the counter where the attempts were made: five failures here lock here.
  // Two counters' accounts with the same username wait in the conflict queue (rename one).
  {
    table: 'users',
    key: 'id',
    mergeClass: 'fields',
    localColumns: { failed_attempts: { insert: 0 }, locked_until: { insert: null } },
    shapeVersion: 2,
  },
  // The privacy notice is the society's, one text per version number (consents record the
  // version): keyed by that number, so "version 3" is the same text on every counter. Two
  // counters publishing different texts under one number go to the conflict queue.
  { table: 'privacy_notices', key: 'version', mergeClass: 'fields', identityFields: ['body_ar', 'body_en'], shapeVersion: 2 },
  { table: 'beneficiary_categories', key: 'key', mergeClass: 'fields' },
  { table: 'queue_services', key: 'key', mergeClass: 'fields' },
  { table: 'support_types', key: 'key', mergeClass: 'fields' },
  { table: 'retention_rules', key: 'record_type', mergeClass: 'fields' },
  // The registry: identity fields changed on two counters go to the conflict queue.
  {
    table: 'beneficiaries',
    key: 'id',
    mergeClass: 'fields',
    identityFields: ['id_type', 'id_number', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'gender', 'birth_date', 'nationality'],
    localColumns: VERSION,
  },
  { table: 'household_members', key: 'id', mergeClass: 'fields', identityFields: ['name', 'id_number', 'birth_date', 'relation'] },
  { table: 'volunteers', key: 'id', mergeClass: 'fields', identityFields: ['name', 'id_number'], localColumns: VERSION },
  // The committee's outcome is like identity data: two counters that decided the same request
  // differently before a sync (accepted here, rejected there) put it in the conflict queue for a
  // person, never a silent last-writer-wins; the same outcome on both merges quietly. The status is
  // that outcome (decide() writes it with its request_decisions row, which both counters keep).
  // decision_ms is the time to the FIRST decision (main/requests/decision-time.ts): when both
  // counters decided, the earlier one's stands everywhere, as the decisions' own timestamps say.
  {
    table: 'support_requests',
    key: 'id',
    mergeClass: 'fields',
    identityFields: ['status'],
    fieldRules: { decision_ms: 'earliest' },
    localColumns: VERSION,
  },
  // Append-mostly records: corrections are new rows; a status edit or soft delete: later stamp wins.
  { table: 'visits', key: 'id', mergeClass: 'append', localColumns: VERSION },
  { table: 'referrals', key: 'id', mergeClass: 'append' },
  { table: 'satisfaction_ratings', key: 'id', mergeClass: 'append' },
  { table: 'calls', key: 'id', mergeClass: 'append' },
  { table: 'letters', key: 'id', mergeClass: 'append', localColumns: VERSION },
  { table: 'contacts', key: 'id', mergeClass: 'append' },
  { table: 'request_checklist_items', key: 'id', mergeClass: 'append' },
  { table: 'request_decisions', key: 'id', mergeClass: 'append' },
  { table: 'service_deliveries', key: 'id', mergeClass: 'append' },
  { table: 'consents', key: 'id', mergeClass: 'append' },
  { table: 'data_subject_requests', key: 'id', mergeClass: 'append' },
  { table: 'breaches', key: 'id', mergeClass: 'append' },
  // Which file (by SHA-256) belongs to which letter, contact, request or library version. Its
  // bytes are sent before the row and fetched after it (sync-files.ts). Before the library, whose
  // versions reference it.
  { table: 'attachments', key: 'id', mergeClass: 'append' },
  // The reference library: a document's title, description, current version and retirement are
  // edited in place (field by field); a version and its pages' text are written once at upload.
  { table: 'library_documents', key: 'id', mergeClass: 'fields' },
  { table: 'library_versions', key: 'id', mergeClass: 'append', immutable: true },
  { table: 'library_pages', key: 'id', mergeClass: 'append', immutable: true },
  // This counter's own trail and operations: to the central database only.
  {
    table: 'audit_log',
    key: 'id',
    mergeClass: 'append',
    localColumns: { seq: { insert: null } },
    // The one update the trail allows is a redaction (see migration 0004).
    updateWhen: 'excluded.redacted_at IS NOT NULL AND audit_log.redacted_at IS NULL',
    pushOnly: true,
  },
  { table: 'print_jobs', key: 'id', mergeClass: 'append', pushOnly: true },
  { table: 'queue_tickets', key: 'id', mergeClass: 'append', pushOnly: true },
  { table: 'declaration_versions', key: 'id', mergeClass: 'append', pushOnly: true },
];

export function syncedTable(name: string): SyncedTable {
  const t = SYNCED_TABLES.find((s) => s.table === name);
  if (!t) throw new Error(`table ${name} is not synchronised`);
  return t;
}
