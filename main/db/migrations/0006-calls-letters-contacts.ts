/** The phone-call log, the letters register with attachments, other-channel contacts and volunteers. */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { recordColumns } from './record-columns';

export const migration0006: Migration = {
  async up(db: Kysely<unknown>) {
    await recordColumns(db.schema.createTable('calls'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('caller_name', 'text')
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('duration_seconds', 'integer', (c) => c.notNull())
      .addColumn('follow_up', 'text', (c) => c.notNull())
      .addColumn('follow_up_due', 'text')
      .addColumn('follow_up_assignee', 'text')
      .addColumn('follow_up_note', 'text')
      .addColumn('follow_up_closed_at', 'text')
      .addColumn('follow_up_closed_by', 'text')
      .addColumn('follow_up_closing_note', 'text')
      .execute();
    await db.schema.createIndex('calls_started').on('calls').column('started_at').execute();
    await db.schema.createIndex('calls_phone').on('calls').column('phone').execute();
    await db.schema.createIndex('calls_beneficiary').on('calls').column('beneficiary_id').execute();
    await sql`CREATE INDEX calls_open_follow_ups ON calls(follow_up_due) WHERE follow_up = 'open' AND deleted_at IS NULL`.execute(db);

    await recordColumns(db.schema.createTable('letters'))
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('letter_date', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('external_number', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('routed_to', 'text')
      .addColumn('reply_due', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('in_reply_to', 'text', (c) => c.references('letters.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      // Normalised Arabic of subject, entity and summary, so a search without hamza still finds.
      .addColumn('search_text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('letters_in_reply_to').on('letters').column('in_reply_to').execute();
    await db.schema.createIndex('letters_beneficiary').on('letters').column('beneficiary_id').execute();
    await db.schema.createIndex('letters_created').on('letters').column('created_at').execute();

    // Files live on disk under their SHA-256; this table says whose they are and what they are.
    await recordColumns(db.schema.createTable('attachments'))
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_kind', 'owner_id']).execute();

    await recordColumns(db.schema.createTable('contacts'))
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('person_name', 'text')
      .addColumn('phone', 'text')
      .addColumn('handle', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('beneficiary_id', 'text', (c) => c.references('beneficiaries.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('converted_kind', 'text')
      .addColumn('converted_id', 'text')
      .execute();
    await db.schema.createIndex('contacts_beneficiary').on('contacts').column('beneficiary_id').execute();
    await db.schema.createIndex('contacts_created').on('contacts').column('created_at').execute();

    await recordColumns(db.schema.createTable('volunteers'))
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('skills_json', 'text', (c) => c.notNull())
      .addColumn('availability_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await sql`CREATE UNIQUE INDEX volunteers_id_number ON volunteers(id_number) WHERE deleted_at IS NULL`.execute(db);
  },
};
