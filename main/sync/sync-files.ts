/**
 * Files with their rows. Rows carry only an attachment's SHA-256; the bytes go through the
 * central `sync_files` (central migration 0003):
 *  - push: before a batch is sent, the files of the attachment rows in it that the central store
 *    lacks are stored there, one at a time (a row never reaches another counter before its file);
 *  - pull: after the rows, each live attachment whose file is not on this disk is fetched, one at
 *    a time, and written through the attachment store only when its bytes match its hash. A file
 *    that does not match is refused and reported; its row stays (the next run tries again).
 * Memory holds one file (at most the 10 MB attachment limit) at a time on either side.
 */
import type { PushBatch } from '../../shared/sync/batch';
import type { AttachmentStore } from '../attachments/attachment-store';
import { centralLacks, getCentralFile, putCentralFile } from '../central/central-files';
import type { CentralDb } from '../central/central-store';
import type { SDb } from './sync-db';

export interface FileReport {
  sent: number;
  fetched: number;
  /** Hashes whose central bytes did not match: refused. */
  refused: string[];
  /** Hashes no side could supply this run (not on this disk to send, not yet central to fetch). */
  unavailable: string[];
  /** Files no row refers to any more, removed from this disk (sweep-files.ts). */
  removed: number;
  /** Files no synced row refers to any more, deleted from the central store by the server. */
  pruned: number;
}

export function emptyFileReport(): FileReport {
  return { sent: 0, fetched: 0, refused: [], unavailable: [], removed: 0, pruned: 0 };
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The distinct file hashes of the attachment rows this batch upserts. */
export function batchFileHashes(batch: PushBatch): string[] {
  const out = new Set<string>();
  for (const c of batch.changes) {
    const sha = c.table === 'attachments' && c.op === 'upsert' ? c.row?.sha256 : null;
    if (typeof sha === 'string' && SHA256.test(sha)) out.add(sha);
  }
  return [...out];
}

/** Sends the files of a batch's attachment rows that the central store lacks. */
export async function pushBatchFiles(central: CentralDb, files: AttachmentStore, batch: PushBatch, report: FileReport): Promise<void> {
  const lacking = await centralLacks(central, batchFileHashes(batch));
  for (const sha of lacking) {
    let bytes: Buffer;
    try {
      bytes = files.get(sha); // verified against its hash on the way out too
    } catch {
      // Not on this disk, or damaged here: the row still travels (one bad file must not stop
      // every night's sync) and the run says which file could not be sent.
      report.unavailable.push(sha);
      continue;
    }
    if (await putCentralFile(central, batch.deviceId, batch.counterId, sha, bytes)) report.sent++;
  }
}

/** Fetches the file of every live attachment row that is missing on this disk. */
export async function pullMissingFiles(db: SDb, central: CentralDb, files: AttachmentStore, report: FileReport): Promise<void> {
  const rows = await db.selectFrom('attachments').select('sha256').distinct().where('deleted_at', 'is', null).execute();
  for (const { sha256 } of rows) {
    if (!SHA256.test(sha256) || files.has(sha256)) continue;
    const bytes = await getCentralFile(central, sha256);
    if (!bytes) {
      report.unavailable.push(sha256);
      continue;
    }
    try {
      files.putExpected(bytes, sha256);
      report.fetched++;
    } catch {
      report.refused.push(sha256);
    }
  }
}
