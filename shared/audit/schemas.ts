/** The audit trail as the viewer and the verifier see it. */
import { z } from 'zod';
import { toLatinDigits } from '../text/digits';

const day = z
  .string()
  .transform((s) => toLatinDigits(s).trim())
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid'))
  .nullish();

export const auditFilter = z.object({
  userId: z.string().max(64).nullish(),
  /** A record id (entity id) or a reference; matches entries about it and views that showed it. */
  record: z.string().trim().max(64).nullish(),
  action: z.string().max(32).nullish(),
  from: day,
  to: day,
  /** Page backwards from this sequence number (exclusive). */
  beforeSeq: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.input<typeof auditFilter>;

export const auditEntryView = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  redacted: z.boolean(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const AUDIT_PROBLEMS = ['edited', 'chain_broken', 'deleted', 'snapshot_edited', 'tail_deleted'] as const;

export const auditProblem = z.object({
  seq: z.number(),
  id: z.string().nullable(),
  at: z.string().nullable(),
  kind: z.enum(AUDIT_PROBLEMS),
});
export type AuditProblem = z.infer<typeof auditProblem>;

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problems: z.array(auditProblem),
});
export type AuditVerification = z.infer<typeof auditVerification>;
