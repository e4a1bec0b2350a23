/** Table interfaces of migration 0006, kept beside the domain and re-exported by db/schema.ts. */
import type { RecordColumns } from '../db/schema';

export interface CallsTable extends RecordColumns {
  direction: string;
  phone: string;
  beneficiary_id: string | null;
  caller_name: string | null;
  topic: string;
  summary: string;
  outcome: string;
  started_at: string;
  duration_seconds: number;
  follow_up: string;
  follow_up_due: string | null;
  follow_up_assignee: string | null;
  follow_up_note: string | null;
  follow_up_closed_at: string | null;
  follow_up_closed_by: string | null;
  follow_up_closing_note: string | null;
}

export interface LettersTable extends RecordColumns {
  reference: string;
  kind: string;
  letter_date: string;
  entity: string;
  external_number: string | null;
  subject: string;
  summary: string | null;
  beneficiary_id: string | null;
  routed_to: string | null;
  reply_due: string | null;
  status: string;
  in_reply_to: string | null;
  version: number;
  updated_by: string;
  search_text: string;
}

export interface AttachmentsTable extends RecordColumns {
  owner_kind: string;
  owner_id: string;
  sha256: string;
  mime: string;
  size: number;
  file_name: string;
}

export interface ContactsTable extends RecordColumns {
  reference: string;
  channel: string;
  source: string | null;
  person_name: string | null;
  phone: string | null;
  handle: string | null;
  summary: string;
  beneficiary_id: string | null;
  status: string;
  converted_kind: string | null;
  converted_id: string | null;
}

export interface VolunteersTable extends RecordColumns {
  reference: string;
  name: string;
  id_number: string;
  phone: string;
  skills_json: string;
  availability_json: string;
  status: string;
  notes: string | null;
  contact_id: string | null;
  version: number;
}

/** The tables of migration 0006, spread into `Database` in db/schema.ts. */
export interface ChannelTables {
  calls: CallsTable;
  letters: LettersTable;
  attachments: AttachmentsTable;
  contacts: ContactsTable;
  volunteers: VolunteersTable;
}
