/**
 * Moves everything in the write-ahead log into the database file and empties the log. After an
 * erasure the old page images would otherwise stay in the main file until the next automatic
 * checkpoint (with secure_delete, the checkpoint writes the zeroed pages over them).
 */
import { sql, type Kysely } from 'kysely';

export async function checkpointNow<DB>(db: Kysely<DB>): Promise<void> {
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
