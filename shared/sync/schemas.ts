import { z } from 'zod';

export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

export const syncConfig = z.object({
  /** postgres://user:password@host:5432/db */
  url: z.string().max(500).refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'sync.url.invalid'),
  sslMode: z.enum(SSL_MODES),
  caFile: z.string().max(500),
  nightlyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'sync.time.invalid'),
  timeZone: z.string().min(1).max(60),
  enabled: z.boolean(),
});
export type SyncConfig = z.infer<typeof syncConfig>;

export const syncRunView = z.object({
  id: z.string(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'ok', 'failed', 'refused']),
  pushed: z.number(),
  pulled: z.number(),
  conflicts: z.number(),
  mismatches: z.number(),
  repulled: z.number(),
  attempts: z.number(),
  error: z.object({ ar: z.string(), en: z.string() }).nullable(),
});
export type SyncRunView = z.infer<typeof syncRunView>;

export const syncProgress = z.object({
  phase: z.enum(['idle', 'connecting', 'pulling', 'pushing', 'verifying']),
  done: z.number(),
});

export const syncStatus = z.object({
  configured: z.boolean(),
  running: z.boolean(),
  progress: syncProgress,
  lastSuccessAt: z.string().nullable(),
  pending: z.number(),
  openConflicts: z.number(),
  nextRunAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const conflictView = z.object({
  id: z.string(),
  kind: z.enum(['field', 'duplicate', 'unique']),
  table: z.string(),
  rowKey: z.string(),
  field: z.string().nullable(),
  localValue: z.string().nullable(),
  remoteValue: z.string().nullable(),
  otherKey: z.string().nullable(),
  /** A short human label of the record(s): reference and name, when the table has them. */
  label: z.string(),
  otherLabel: z.string().nullable(),
  detectedAt: z.string(),
});
export type ConflictView = z.infer<typeof conflictView>;

export const conflictResolution = z.object({
  id: z.string(),
  /** field: keep the local or the central value. duplicate/unique: keep which record. */
  choice: z.enum(['local', 'remote']),
});
