/** Printers, the default printer per document and counter, and the print queue. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('printers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('interface', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('paper', 'text', (c) => c.notNull())
      .addColumn('printer_type', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('counter_id', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();

    await db.schema
      .createTable('printer_defaults')
      .addColumn('counter_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('printer_id', 'text', (c) => c.notNull().references('printers.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('printer_defaults_pk', ['counter_id', 'kind'])
      .execute();

    await db.schema
      .createTable('print_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text')
      .addColumn('printer_id', 'text', (c) => c.references('printers.id'))
      .addColumn('data_json', 'text', (c) => c.notNull())
      .addColumn('copy_of', 'text', (c) => c.references('print_jobs.id'))
      .addColumn('reprinted_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error_code', 'text')
      .addColumn('claim', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('printed_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('counter_id', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('print_jobs_record').on('print_jobs').columns(['kind', 'record_id']).execute();
    await db.schema.createIndex('print_jobs_created').on('print_jobs').column('created_at').execute();
  },
};
