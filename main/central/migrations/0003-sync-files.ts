/**
 * Files travel with their rows. `sync_files` holds each attachment file once, by its SHA-256
 * (letters' scans, the reference library's PDFs): a counter pushes the bytes of attachment rows
 * it pushes when the central store lacks that hash, and fetches the bytes of attachment rows whose
 * file it lacks. As with the rows (0002), counters may read but write only through a SECURITY
 * DEFINER function, `istiqbal_put_file`, which checks that the login owns the device and that the
 * bytes hash to the name they are stored under, and never replaces a stored file.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The attachment limit (shared/letters/schemas.ts) as it was when this migration was written. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const central0003: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE sync_files (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size integer NOT NULL CHECK (size > 0 AND size <= ${sql.lit(MAX_FILE_BYTES)}),
      bytes bytea NOT NULL,
      device_id text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`.execute(db);
    // Stored as received: the bytes are already compressed PDFs and images.
    await sql`ALTER TABLE sync_files ALTER COLUMN bytes SET STORAGE EXTERNAL`.execute(db);
    await sql`REVOKE ALL ON sync_files FROM istiqbal_counter`.execute(db);
    await sql`GRANT SELECT ON sync_files TO istiqbal_counter`.execute(db);

    const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
    const path = sql.raw(`"${schema.replace(/"/g, '""')}", pg_temp`);
    await sql`CREATE FUNCTION istiqbal_put_file(p_device text, p_counter text, p_sha256 text, p_bytes bytea)
      RETURNS boolean
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $fn$
      BEGIN
        PERFORM istiqbal_device_owner(p_device, p_counter);
        IF p_bytes IS NULL OR length(p_bytes) = 0 OR length(p_bytes) > ${sql.lit(MAX_FILE_BYTES)} THEN
          RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('istiqbal: file %s is empty or over the size limit', p_sha256);
        END IF;
        IF encode(sha256(p_bytes), 'hex') IS DISTINCT FROM p_sha256 THEN
          RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('istiqbal: file bytes do not match the hash %s', p_sha256);
        END IF;
        INSERT INTO sync_files (sha256, size, bytes, device_id) VALUES (p_sha256, length(p_bytes), p_bytes, p_device)
          ON CONFLICT (sha256) DO NOTHING;
        RETURN FOUND;
      END $fn$`.execute(db);
    await sql`REVOKE ALL ON FUNCTION istiqbal_put_file(text, text, text, bytea) FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION istiqbal_put_file(text, text, text, bytea) TO istiqbal_counter`.execute(db);
  },
};
