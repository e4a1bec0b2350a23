/** Kysely table interfaces of the walk-in counter and support requests (migration 0005). */
import type { RecordColumns } from '../db/schema';

export interface QueueServicesTable {
  key: string;
  prefix: string;
  name_ar: string;
  name_en: string;
  default_purpose: string;
  sort_order: number;
  active: number;
}

export interface QueueTicketsTable extends RecordColumns {
  service_key: string;
  day: string;
  number: number;
  label: string;
  status: string;
  arrived_at: string;
  called_at: string | null;
  called_by: string | null;
  started_at: string | null;
  ended_at: string | null;
  visit_id: string | null;
  /** called_at − arrived_at in ms, set when the ticket is called (migration 0009). */
  wait_ms: number | null;
  /** ended_at − started_at in ms, set when the ticket is done (migration 0009). */
  service_ms: number | null;
}

export interface VisitsTable extends RecordColumns {
  ticket_id: string | null;
  beneficiary_id: string;
  purpose: string;
  qa_json: string;
  notes: string | null;
  started_at: string;
  ended_at: string | null;
  version: number;
}

export interface ReferralsTable extends RecordColumns {
  visit_id: string;
  beneficiary_id: string;
  request_id: string | null;
  researcher_id: string;
  reason: string;
  status: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface SatisfactionRatingsTable extends RecordColumns {
  visit_id: string;
  beneficiary_id: string | null;
  rating: number;
  comment: string | null;
  /** The visit's ticket's service, null without a ticket (migration 0015; meaningful when staff_id is set). */
  service_key: string | null;
  /** The visit's created_by; null when not known on this row (written before 0015 or elsewhere). */
  staff_id: string | null;
}

export interface SupportTypesTable {
  key: string;
  name_ar: string;
  name_en: string;
  checklist_json: string;
  sort_order: number;
  active: number;
  updated_at: string;
}

export interface DeclarationVersionsTable extends RecordColumns {
  version: number;
  text_ar: string;
}

export interface SupportRequestsTable extends RecordColumns {
  reference: string | null;
  beneficiary_id: string;
  visit_id: string | null;
  support_type: string;
  amount: number | null;
  items: string | null;
  justification: string;
  status: string;
  version: number;
  updated_by: string;
  submitted_at: string | null;
  earliest_decision_at: string | null;
  /** Submission to the first decision after it, in ms (migration 0014); null until decided. */
  decision_ms: number | null;
  signature_method: string | null;
  signature_png: string | null;
  declaration_version: number | null;
  declaration_text: string | null;
  signed_at: string | null;
  signed_marked_by: string | null;
  seal_hash: string | null;
}

export interface RequestChecklistItemsTable extends RecordColumns {
  request_id: string;
  item_key: string;
  label_ar: string;
  label_en: string;
  needs_number: number;
  needs_expiry: number;
  identity: number;
  sort_order: number;
  verified: number;
  document_number: string | null;
  expiry_date: string | null;
  note: string | null;
  verified_at: string | null;
  verified_by: string | null;
}

export interface RequestDecisionsTable extends RecordColumns {
  request_id: string;
  decision: string;
  reason: string;
}

export interface ServiceDeliveriesTable extends RecordColumns {
  request_id: string;
  beneficiary_id: string;
  reference: string;
  description: string;
  amount: number | null;
  quantity: number | null;
  delivered_on: string;
}

/** Spread into the Database interface with one line. */
export interface WalkInTables {
  queue_services: QueueServicesTable;
  queue_tickets: QueueTicketsTable;
  visits: VisitsTable;
  referrals: ReferralsTable;
  satisfaction_ratings: SatisfactionRatingsTable;
  support_types: SupportTypesTable;
  declaration_versions: DeclarationVersionsTable;
  support_requests: SupportRequestsTable;
  request_checklist_items: RequestChecklistItemsTable;
  request_decisions: RequestDecisionsTable;
  service_deliveries: ServiceDeliveriesTable;
}
