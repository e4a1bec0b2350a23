/**
 * The registry's indexes: sized to what they hold, and forgetting what is erased.
 *
 * - `beneficiaries_alt_mobile` becomes partial (`WHERE alt_mobile IS NOT NULL`). Most people
 *   give one mobile, so the full index was mostly NULL entries: 8 MB at a million people, about
 *   a second of every bulk load spent sorting them, and a B-tree write on every new person. The
 *   only query on it (phone-match.ts, `alt_mobile = ?`) implies the index's condition, so SQLite
 *   still uses it (tests/integration/registry-indexes-migration.test.ts checks the plan).
 *   Same name, same column: nothing that reads the registry changes; no data is touched.
 * - The trigram name index writes 4,050-byte leaves instead of FTS5's default 1,000: one index
 *   leaf fills one 4 KiB database page instead of a quarter of one, so a large index (a bulk
 *   load, a big pull) has a quarter of the leaves to write and read back. A stored setting of
 *   the index; segments written before keep their size until FTS5 merges them.
 * - Deleting or changing a name removes its entries from the trigram index (FTS5's
 *   'secure-delete'). By default FTS5 writes a delete marker and keeps the old entries in their
 *   segment until a merge rewrites it, so an erased person's trigrams, with their row, stayed
 *   readable in the index (tests/integration/name-index-erasure.test.ts). One 'optimize' then
 *   merges away what deletes before this migration left behind.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** FTS5's 'pgsz': 4 KiB database pages less room for the page's own header. */
const NAME_INDEX_PAGE_BYTES = 4050;

export const migration0017: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`DROP INDEX beneficiaries_alt_mobile`.execute(db);
    await sql`CREATE INDEX beneficiaries_alt_mobile ON beneficiaries(alt_mobile) WHERE alt_mobile IS NOT NULL`.execute(db);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('pgsz', ${NAME_INDEX_PAGE_BYTES})`.execute(db);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts) VALUES ('optimize')`.execute(db);
  },
};
