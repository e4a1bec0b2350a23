/**
 * Attachment files an erasure left without any row: deleted once the transaction has committed
 * (a file removed before a rollback could not be brought back). A file that cannot be removed is
 * reported, not thrown: the rows are already erased and the next erasure or purge tries again.
 */
import { rmSync } from 'node:fs';

export interface AttachmentFiles {
  pathOf(sha256: string): string;
}

export function removeOrphanedFiles(files: AttachmentFiles | undefined, shas: readonly string[]): string[] {
  const failed: string[] = [];
  if (!files) return [...shas];
  for (const sha of shas) {
    try {
      rmSync(files.pathOf(sha), { force: true });
    } catch {
      failed.push(sha);
    }
  }
  return failed;
}
