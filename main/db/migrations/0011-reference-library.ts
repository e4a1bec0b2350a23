/**
 * The reference library: policy documents, their versions (each a PDF stored by content hash and
 * listed in `attachments`, so file clean-ups see it in use) and each version's text per page,
 * normalised for search.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { recordColumns } from './record-columns';

export const migration0011: Migration = {
  async up(db: Kysely<unknown>) {
    await recordColumns(db.schema.createTable('library_documents'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_norm', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('current_version_id', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .addColumn('retired_by', 'text')
      .execute();
    await recordColumns(db.schema.createTable('library_versions'))
      .addColumn('document_id', 'text', (c) => c.notNull().references('library_documents.id'))
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('page_count', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addUniqueConstraint('library_versions_document_no', ['document_id', 'version_no'])
      .execute();
    await recordColumns(db.schema.createTable('library_pages'))
      .addColumn('version_id', 'text', (c) => c.notNull().references('library_versions.id'))
      .addColumn('page_no', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_norm', 'text', (c) => c.notNull())
      .addUniqueConstraint('library_pages_version_page', ['version_id', 'page_no'])
      .execute();
  },
};
