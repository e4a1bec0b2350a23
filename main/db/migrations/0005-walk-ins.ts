/**
 * The walk-in counter: queue services and tickets, interviews (visits), referrals to a social
 * researcher, satisfaction ratings; support requests with their checklist, signed declaration,
 * committee decisions and delivered services; the configurable support types and the versioned
 * declaration text.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { recordColumns } from './record-columns';

export const migration0005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('queue_services')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('name_ar', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('default_purpose', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await recordColumns(db.schema.createTable('queue_tickets'))
      .addColumn('service_key', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('arrived_at', 'text', (c) => c.notNull())
      .addColumn('called_at', 'text')
      .addColumn('called_by', 'text')
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('visit_id', 'text')
      .execute();
    // Numbers restart each day, per service and per counter: two counters never hand out the same ticket row.
    await sql`CREATE UNIQUE INDEX queue_tickets_number ON queue_tickets(counter_id, day, service_key, number)`.execute(db);

    await recordColumns(db.schema.createTable('visits'))
      .addColumn('ticket_id', 'text')
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('qa_json', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('visits_beneficiary').on('visits').column('beneficiary_id').execute();

    await recordColumns(db.schema.createTable('referrals'))
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
      .addColumn('beneficiary_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('researcher_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('answered_by', 'text')
      .execute();
    await db.schema.createIndex('referrals_status').on('referrals').column('status').execute();

    await recordColumns(db.schema.createTable('satisfaction_ratings'))
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
      .addColumn('beneficiary_id', 'text')
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .execute();
    await sql`CREATE UNIQUE INDEX satisfaction_one_per_visit ON satisfaction_ratings(visit_id) WHERE deleted_at IS NULL`.execute(db);

    await db.schema
      .createTable('support_types')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name_ar', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('checklist_json', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await recordColumns(db.schema.createTable('declaration_versions'))
      .addColumn('version', 'integer', (c) => c.notNull().unique())
      .addColumn('text_ar', 'text', (c) => c.notNull())
      .execute();

    await recordColumns(db.schema.createTable('support_requests'))
      .addColumn('reference', 'text', (c) => c.unique())
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('visit_id', 'text')
      .addColumn('support_type', 'text', (c) => c.notNull())
      .addColumn('amount', 'real')
      .addColumn('items', 'text')
      .addColumn('justification', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('earliest_decision_at', 'text')
      .addColumn('signature_method', 'text')
      .addColumn('signature_png', 'text')
      .addColumn('declaration_version', 'integer')
      .addColumn('declaration_text', 'text')
      .addColumn('signed_at', 'text')
      .addColumn('signed_marked_by', 'text')
      .addColumn('seal_hash', 'text')
      .execute();
    await db.schema.createIndex('support_requests_beneficiary').on('support_requests').column('beneficiary_id').execute();
    await db.schema.createIndex('support_requests_status').on('support_requests').column('status').execute();

    await recordColumns(db.schema.createTable('request_checklist_items'))
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('label_ar', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .addColumn('needs_number', 'integer', (c) => c.notNull())
      .addColumn('needs_expiry', 'integer', (c) => c.notNull())
      .addColumn('identity', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('document_number', 'text')
      .addColumn('expiry_date', 'text')
      .addColumn('note', 'text')
      .addColumn('verified_at', 'text')
      .addColumn('verified_by', 'text')
      .execute();
    await db.schema.createIndex('request_checklist_request').on('request_checklist_items').column('request_id').execute();

    await recordColumns(db.schema.createTable('request_decisions'))
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_decisions_request').on('request_decisions').column('request_id').execute();

    await recordColumns(db.schema.createTable('service_deliveries'))
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
      .addColumn('beneficiary_id', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('amount', 'real')
      .addColumn('quantity', 'integer')
      .addColumn('delivered_on', 'text', (c) => c.notNull())
      .execute();
  },
};
