/** The audit viewer's query: filters by user, record, action and date, newest first, paged by sequence. */
import type { Db } from '../db/open-database';
import type { AuditEntryView } from '../../shared/audit/schemas';
import type { z } from 'zod';
import type { auditFilter } from '../../shared/audit/schemas';

type Filter = z.output<typeof auditFilter>;

/** Dates are days in Riyadh time (UTC+3, no daylight saving), the counter's own calendar day. */
const riyadhDayStart = (day: string) => new Date(`${day}T00:00:00+03:00`).toISOString();
const riyadhDayEnd = (day: string) => new Date(new Date(`${day}T00:00:00+03:00`).getTime() + 86_400_000).toISOString();

export async function listAudit(db: Db, f: Filter): Promise<AuditEntryView[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.seq',
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.display_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.redacted_at',
    ]);
  if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.from) q = q.where('audit_log.at', '>=', riyadhDayStart(f.from));
  if (f.to) q = q.where('audit_log.at', '<', riyadhDayEnd(f.to));
  if (f.beforeSeq) q = q.where('audit_log.seq', '<', f.beforeSeq);
  if (f.record) {
    const record = f.record;
    // A reference (B-1448-K01-000123) is looked up to its id first.
    const byReference = await db.selectFrom('beneficiaries').select('id').where('reference', '=', record.toUpperCase()).executeTakeFirst();
    const id = byReference?.id ?? record;
    // Views name the records they showed inside after_json; the id is quoted, so a LIKE on it is exact.
    q = q.where((eb) => eb.or([eb('audit_log.entity_id', '=', id), eb('audit_log.after_json', 'like', `%"${id.replace(/[%_"\\]/g, '')}"%`)]));
  }
  const rows = await q.orderBy('audit_log.seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.display_name ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json,
    after: r.after_json,
    redacted: r.redacted_at !== null,
  }));
}

export async function auditUsers(db: Db) {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).orderBy('display_name').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
