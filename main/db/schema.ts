/** Kysely's view of the local SQLite database. One interface per table; columns in snake_case. */
import type { Generated } from 'kysely';
import type { ChannelTables } from '../calls/call-schema-types';
import type { WalkInTables } from '../walk-ins/tables';
import type { PrivacyTables } from '../privacy/privacy-tables';
import type { PrintingTables } from '../printing/printing-tables';
import type { LibraryTables } from '../library/library-tables';

/** Columns every synchronised record carries. */
export interface RecordColumns {
  id: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  counter_id: string;
  deleted_at: string | null;
}

export interface CountersTable {
  id: string;
  code: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable extends RecordColumns {
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  active: number;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  password_changed_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SequencesTable {
  kind: string;
  year: number;
  counter_code: string;
  last_value: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  user_id: string;
  counter_id: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  before_digest: string | null;
  after_digest: string | null;
  redacted_at: string | null;
}

export interface BeneficiariesTable extends RecordColumns {
  reference: string;
  id_type: string;
  id_number: string;
  id_expiry: string | null;
  first_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  name_normalised: string;
  latin_name: string | null;
  gender: string;
  birth_date: string | null;
  nationality: string;
  marital_status: string | null;
  mobile: string;
  alt_mobile: string | null;
  city: string | null;
  district: string | null;
  national_address: string | null;
  category: string | null;
  employment_status: string | null;
  monthly_income: number | null;
  iban: string | null;
  notes: string | null;
  version: number;
  updated_by: string;
}

export interface HouseholdMembersTable extends RecordColumns {
  beneficiary_id: string;
  relation: string;
  name: string;
  id_number: string | null;
  birth_date: string | null;
  disability: number;
  schooling: string | null;
}

export interface CategoriesTable {
  key: string;
  name_ar: string;
  name_en: string;
  sort_order: number;
  active: number;
}

/** The FTS5 index over normalised names (external content; rowid = beneficiaries.rowid). */
export interface BeneficiariesFtsTable {
  rowid: number;
  name_normalised: string;
}

export interface Database extends WalkInTables, PrivacyTables, ChannelTables, PrintingTables, LibraryTables {
  counters: CountersTable;
  users: UsersTable;
  settings: SettingsTable;
  sequences: SequencesTable;
  audit_log: AuditLogTable;
  beneficiaries: BeneficiariesTable;
  household_members: HouseholdMembersTable;
  beneficiaries_fts: BeneficiariesFtsTable;
  beneficiary_categories: CategoriesTable;
}
