/**
 * Users' lock-out state; audit entries whose personal snapshots can be redacted without breaking
 * the hash chain; and the PDPL registers: privacy notices, consents, data-subject requests,
 * the retention schedule and the breach register.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';


export const migration0004: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
    await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();

    // The chain covers digests of the before/after snapshots, so the purge can blank a snapshot
    // holding personal data (PDPL: destroy when the purpose ends) and the chain still verifies.
    await db.schema.alterTable('audit_log').addColumn('before_digest', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('after_digest', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('redacted_at', 'text').execute();
    await db.schema.createIndex('audit_log_user').on('audit_log').column('user_id').execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    // The one permitted update: blanking the snapshots of an entry, once, leaving every chained field.
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NOT (new.seq IS old.seq AND new.id IS old.id AND new.at IS old.at AND new.user_id IS old.user_id
        AND new.counter_id IS old.counter_id AND new.action IS old.action AND new.entity IS old.entity
        AND new.entity_id IS old.entity_id AND new.prev_hash IS old.prev_hash AND new.hash IS old.hash
        AND new.before_digest IS old.before_digest AND new.after_digest IS old.after_digest
        AND old.redacted_at IS NULL AND new.redacted_at IS NOT NULL
        AND new.before_json IS NULL AND new.after_json IS NULL)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);

    const withRecordColumns = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('counter_id', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text');

    await withRecordColumns('privacy_notices')
      .addColumn('version', 'integer', (c) => c.notNull().unique())
      .addColumn('body_ar', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text', (c) => c.notNull())
      .execute();

    await withRecordColumns('consents')
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('notice_version', 'integer', (c) => c.notNull())
      .addColumn('given_by', 'text', (c) => c.notNull())
      .addColumn('guardian_name', 'text')
      .addColumn('guardian_relation', 'text')
      .addColumn('guardian_id_number', 'text')
      .addColumn('consented_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawal_reason', 'text')
      .execute();
    await db.schema.createIndex('consents_beneficiary').on('consents').column('beneficiary_id').execute();

    await withRecordColumns('data_subject_requests')
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('extended_at', 'text')
      .addColumn('extension_notice', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('outcome', 'text')
      .execute();
    await db.schema.createIndex('dsr_beneficiary').on('data_subject_requests').column('beneficiary_id').execute();

    await db.schema
      .createTable('retention_rules')
      .addColumn('record_type', 'text', (c) => c.primaryKey())
      .addColumn('keep_days', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withRecordColumns('breaches')
      .addColumn('discovered_at', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('data_kinds', 'text', (c) => c.notNull())
      .addColumn('affected_count', 'integer', (c) => c.notNull())
      .addColumn('measures', 'text')
      .addColumn('notify_due_at', 'text', (c) => c.notNull())
      .addColumn('regulator_notified_at', 'text')
      .addColumn('subjects_notified_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
  },
};
