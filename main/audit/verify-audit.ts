/**
 * Walks the audit chain from the first entry and says where it breaks:
 *  - `edited`: an entry's own fields no longer give its hash;
 *  - `snapshot_edited`: a before/after snapshot no longer matches the digest the chain covers;
 *  - `chain_broken`: an entry's previous-hash is not the previous entry's hash (one was removed
 *    or rewritten before it);
 *  - `deleted`: sequence numbers are missing (entries removed);
 *  - `tail_deleted`: the last entries were removed (SQLite's AUTOINCREMENT counter is ahead).
 * Reads in pages so a long trail does not fill memory.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import type { AuditProblem, AuditVerification } from '../../shared/audit/schemas';
import { auditHash, chainedFields, digestOf, GENESIS_HASH } from './append-audit';

const PAGE = 2000;
const MAX_PROBLEMS = 50;

/** Entries written before migration 0004 chained the snapshots themselves. */
function legacyHash(prevHash: string, r: { id: string; at: string; user_id: string; counter_id: string; action: string; entity: string; entity_id: string | null; before_json: string | null; after_json: string | null }) {
  return auditHash(prevHash, {
    id: r.id,
    at: r.at,
    user_id: r.user_id,
    counter_id: r.counter_id,
    action: r.action,
    entity: r.entity,
    entity_id: r.entity_id,
    before_json: r.before_json,
    after_json: r.after_json,
  });
}

export async function verifyAudit(db: Db): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(PAGE).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      checked++;
      if (r.seq !== expectedSeq) report({ seq: expectedSeq, id: null, at: null, kind: 'deleted' });
      if (r.prev_hash !== expectedPrev) report({ seq: r.seq, id: r.id, at: r.at, kind: 'chain_broken' });
      const own = auditHash(r.prev_hash, chainedFields(r));
      const legacy = r.before_digest === null && r.after_digest === null && legacyHash(r.prev_hash, r) === r.hash;
      if (own !== r.hash && !legacy) report({ seq: r.seq, id: r.id, at: r.at, kind: 'edited' });
      const snapshotsOk =
        legacy ||
        (r.redacted_at !== null && r.before_json === null && r.after_json === null) ||
        (digestOf(r.before_json) === r.before_digest && digestOf(r.after_json) === r.after_digest);
      if (!snapshotsOk) report({ seq: r.seq, id: r.id, at: r.at, kind: 'snapshot_edited' });
      expectedPrev = r.hash;
      expectedSeq = r.seq + 1;
      lastSeq = r.seq;
    }
  }
  const counter = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`.execute(db);
  const highest = Number(counter.rows[0]?.seq ?? 0);
  if (highest > lastSeq) report({ seq: lastSeq + 1, id: null, at: null, kind: 'tail_deleted' });
  return { ok: problems.length === 0, checked, problems };
}
