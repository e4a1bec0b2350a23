/**
 * Attachment files in the central store (migration 0003): which hashes it lacks, one file in
 * through `istiqbal_put_file`, one file out. One file per statement, so memory stays within one
 * file (10 MB) on both ends whatever the number of files.
 */
import { sql } from 'kysely';
import { refusal, type CentralDb } from './central-store';

/** The hashes of `hashes` the central store does not hold yet. */
export async function centralLacks(db: CentralDb, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const r = await sql<{ sha256: string }>`SELECT sha256 FROM sync_files WHERE sha256 = ANY(${[...hashes]}::text[])`.execute(db);
  const held = new Set(r.rows.map((x) => x.sha256));
  return hashes.filter((h) => !held.has(h));
}

/** Stores one file; the server checks the login, the size and the hash. False when it was there already. */
export async function putCentralFile(db: CentralDb, deviceId: string, counterId: string, sha256: string, bytes: Uint8Array): Promise<boolean> {
  const r = await sql<{ stored: boolean }>`SELECT istiqbal_put_file(${deviceId}, ${counterId}, ${sha256}, ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)}) AS stored`
    .execute(db)
    .catch(refusal);
  return r.rows[0]?.stored === true;
}

/** The bytes stored under a hash, as stored (the caller checks them against the hash); null when absent. */
export async function getCentralFile(db: CentralDb, sha256: string): Promise<Buffer | null> {
  const r = await sql<{ bytes: Buffer }>`SELECT bytes FROM sync_files WHERE sha256 = ${sha256}`.execute(db);
  return r.rows[0]?.bytes ?? null;
}

/**
 * Asks the server to delete the files no synced row refers to any more (it decides which); how
 * many went. Null when the central database predates migration 0004: the rows still sync.
 */
export async function pruneCentralFiles(db: CentralDb, deviceId: string, counterId: string): Promise<number | null> {
  try {
    const r = await sql<{ n: number }>`SELECT istiqbal_prune_files(${deviceId}, ${counterId}) AS n`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  } catch (error) {
    if ((error as { code?: string })?.code === '42883') return null; // undefined_function
    return refusal(error);
  }
}
