/**
 * The audit trail: one entry per change, written in the same transaction as the change itself.
 * Each entry's hash covers the previous entry's hash, so an edited or deleted entry breaks the
 * chain at that point (`verify-audit.ts` walks it). The chain covers a SHA-256 digest of each
 * before/after snapshot rather than the snapshot itself: the retention purge may blank a snapshot
 * that holds personal data (the digest stays) without breaking the chain.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../core/actor';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'view',
  'print',
  'export',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, fields: Record<string, string | null>): string {
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

export const digestOf = (json: string | null): string | null => (json === null ? null : createHash('sha256').update(json).digest('hex'));

/** The fields an entry's hash covers, in a fixed order. */
export function chainedFields(row: {
  id: string;
  at: string;
  user_id: string;
  counter_id: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
}): Record<string, string | null> {
  return {
    id: row.id,
    at: row.at,
    user_id: row.user_id,
    counter_id: row.counter_id,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    before_digest: row.before_digest,
    after_digest: row.after_digest,
  };
}

export async function appendAudit(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId' | 'counterId'>,
  entry: AuditEntry,
  id: string,
  at: Date,
): Promise<void> {
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const beforeJson = entry.before === undefined ? null : JSON.stringify(entry.before);
  const afterJson = entry.after === undefined ? null : JSON.stringify(entry.after);
  const row = {
    id,
    at: at.toISOString(),
    user_id: actor.userId,
    counter_id: actor.counterId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_digest: digestOf(beforeJson),
    after_digest: digestOf(afterJson),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...row, before_json: beforeJson, after_json: afterJson, prev_hash: prevHash, hash: auditHash(prevHash, chainedFields(row)) })
    .execute();
}
