/** The beneficiary registry, household members, categories and the Arabic name search index. */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('beneficiary_categories')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name_ar', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable('beneficiaries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('id_type', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text', (c) => c.notNull())
      .addColumn('id_expiry', 'text')
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('father_name', 'text', (c) => c.notNull())
      .addColumn('grandfather_name', 'text', (c) => c.notNull())
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('name_normalised', 'text', (c) => c.notNull())
      .addColumn('latin_name', 'text')
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('nationality', 'text', (c) => c.notNull())
      .addColumn('marital_status', 'text')
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('alt_mobile', 'text')
      .addColumn('city', 'text')
      .addColumn('district', 'text')
      .addColumn('national_address', 'text')
      .addColumn('category', 'text')
      .addColumn('employment_status', 'text')
      .addColumn('monthly_income', 'real')
      .addColumn('iban', 'text')
      .addColumn('notes', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('counter_id', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    // The ID number is the hard key: one live record per document number.
    await sql`CREATE UNIQUE INDEX beneficiaries_id_number ON beneficiaries(id_number) WHERE deleted_at IS NULL`.execute(db);
    await db.schema.createIndex('beneficiaries_mobile').on('beneficiaries').column('mobile').execute();
    await db.schema.createIndex('beneficiaries_alt_mobile').on('beneficiaries').column('alt_mobile').execute();
    await db.schema.createIndex('beneficiaries_name').on('beneficiaries').column('name_normalised').execute();

    await db.schema
      .createTable('household_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('beneficiary_id', 'text', (c) => c.notNull().references('beneficiaries.id'))
      .addColumn('relation', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_number', 'text')
      .addColumn('birth_date', 'text')
      .addColumn('disability', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('schooling', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('counter_id', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('household_members_beneficiary').on('household_members').column('beneficiary_id').execute();

    // Substring search over the normalised Arabic name: FTS5 with the trigram tokenizer, kept in
    // step with the table by triggers (external content, so the names are stored once).
    await sql`CREATE VIRTUAL TABLE beneficiaries_fts USING fts5(
      name_normalised, content='beneficiaries', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`CREATE TRIGGER beneficiaries_fts_insert AFTER INSERT ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(rowid, name_normalised) VALUES (new.rowid, new.name_normalised);
    END`.execute(db);
    await sql`CREATE TRIGGER beneficiaries_fts_delete AFTER DELETE ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_normalised) VALUES ('delete', old.rowid, old.name_normalised);
    END`.execute(db);
    await sql`CREATE TRIGGER beneficiaries_fts_update AFTER UPDATE OF name_normalised ON beneficiaries BEGIN
      INSERT INTO beneficiaries_fts(beneficiaries_fts, rowid, name_normalised) VALUES ('delete', old.rowid, old.name_normalised);
      INSERT INTO beneficiaries_fts(rowid, name_normalised) VALUES (new.rowid, new.name_normalised);
    END`.execute(db);
  },
};
