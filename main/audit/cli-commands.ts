/**
 * `npm run cli -- audit verify`: walks the hash chain and prints where it breaks (exit 1), or
 * that it holds (exit 0). `npm run cli -- privacy purge` runs the retention purge (see main/privacy).
 */
import type { Core } from '../core/create-core';
import { verifyAudit } from './verify-audit';

const KIND_TEXT: Record<string, string> = {
  edited: 'entry edited (its fields no longer give its hash)',
  snapshot_edited: 'before/after snapshot edited',
  chain_broken: 'chain broken (the entry before it was removed or rewritten)',
  deleted: 'entry deleted (sequence number missing)',
  tail_deleted: 'last entries deleted',
};

export async function runAuditCommand(core: Core, sub: string | undefined): Promise<number> {
  if (sub !== 'verify') {
    console.error('usage: npm run cli -- audit verify [--data DIR]');
    return 2;
  }
  const result = await verifyAudit(core.db);
  if (result.ok) {
    console.log(`audit trail intact: ${result.checked} entries, hash chain verified`);
    return 0;
  }
  console.error(`audit trail TAMPERED: ${result.problems.length} problem(s) in ${result.checked} entries`);
  for (const p of result.problems) console.error(`  seq ${p.seq}${p.id ? ` (id ${p.id}, at ${p.at})` : ''}: ${KIND_TEXT[p.kind] ?? p.kind}`);
  return 1;
}
