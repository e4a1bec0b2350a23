/**
 * The audit trail: one entry per change, written in the same transaction as the change itself.
 * Each entry's hash covers the previous entry's hash, so an edited or deleted entry breaks the
 * chain at that point (verification comes with the users and audit issue).
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../core/actor';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'view' | 'print' | 'export' | 'sign_in';
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, fields: Record<string, string | null>): string {
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

export async function appendAudit(
  trx: Transaction<Database>,
  actor: Actor,
  entry: AuditEntry,
  id: string,
  at: Date,
): Promise<void> {
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = {
    id,
    at: at.toISOString(),
    user_id: actor.userId,
    counter_id: actor.counterId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: auditHash(prevHash, fields) })
    .execute();
}
