/** Kysely's view of the PDPL tables created by migration 0004. */
import type { RecordColumns } from '../db/schema';

export interface PrivacyNoticesTable extends RecordColumns {
  version: number;
  body_ar: string;
  body_en: string;
}

export interface ConsentsTable extends RecordColumns {
  beneficiary_id: string;
  notice_version: number;
  given_by: string;
  guardian_name: string | null;
  guardian_relation: string | null;
  guardian_id_number: string | null;
  consented_at: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

export interface DataSubjectRequestsTable extends RecordColumns {
  beneficiary_id: string;
  kind: string;
  details: string | null;
  received_at: string;
  due_at: string;
  extended_at: string | null;
  extension_notice: string | null;
  status: string;
  closed_at: string | null;
  outcome: string | null;
}

export interface RetentionRulesTable {
  record_type: string;
  keep_days: number;
  action: string;
  basis: string;
  updated_at: string;
}

export interface BreachesTable extends RecordColumns {
  discovered_at: string;
  description: string;
  data_kinds: string;
  affected_count: number;
  measures: string | null;
  notify_due_at: string;
  regulator_notified_at: string | null;
  subjects_notified_at: string | null;
  status: string;
}

export interface PrivacyTables {
  privacy_notices: PrivacyNoticesTable;
  consents: ConsentsTable;
  data_subject_requests: DataSubjectRequestsTable;
  retention_rules: RetentionRulesTable;
  breaches: BreachesTable;
}
