/**
 * Erased files leave every counter. An erasure hard-deletes the attachment rows and removes the
 * files where it ran; the row deletes reach the other counters by sync, and this sweep, after a
 * pull, removes from this disk each stored file that no attachments or library_versions row
 * (live or soft-deleted) refers to any more.
 *
 * An upload writes its file before its row commits, so two guards keep a file in flight:
 *  - only files whose mtime is older than SAFE_AGE_MS go (the store touches a file it is asked
 *    to store again, so an old orphan being re-attached right now counts as fresh);
 *  - the rows are read and the files removed inside one write transaction, which on this
 *    single-connection database means no other write transaction is open meanwhile.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { SDb } from './sync-db';

export const SAFE_AGE_MS = 60 * 60 * 1000;

const SHA256 = /^[0-9a-f]{64}$/;
const PREFIX = /^[0-9a-f]{2}$/;

/** The hashes of the files on disk (names the store writes; temporary files are not its). */
function storedHashes(root: string): string[] {
  const out: string[] = [];
  let dirs: string[];
  try {
    dirs = readdirSync(root).filter((d) => PREFIX.test(d));
  } catch {
    return out; // no file was ever stored here
  }
  for (const d of dirs) {
    for (const f of readdirSync(join(root, d))) if (SHA256.test(f) && f.startsWith(d)) out.push(f);
  }
  return out;
}

/** Removes unreferenced files older than the safe age; returns how many were removed. */
export async function sweepUnreferencedFiles(db: SDb, files: AttachmentStore, nowMs: number = Date.now()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const onDisk = storedHashes(files.root);
    if (onDisk.length === 0) return 0;
    const referenced = new Set<string>();
    for (const r of await trx.selectFrom('attachments').select('sha256').distinct().execute()) referenced.add(r.sha256);
    for (const r of await trx.selectFrom('library_versions').select('sha256').distinct().execute()) referenced.add(r.sha256);
    let removed = 0;
    for (const sha of onDisk) {
      if (referenced.has(sha)) continue;
      const path = files.pathOf(sha);
      try {
        // mtime, not ctime: the store sets it when the file is stored or stored again.
        if (nowMs - statSync(path).mtimeMs < SAFE_AGE_MS) continue;
        rmSync(path, { force: true });
        removed++;
      } catch {
        // Gone meanwhile or not removable now: the next run tries again.
      }
    }
    return removed;
  });
}
