import { z } from 'zod';
import { printerStatus } from '../printing/schemas';
import { ROLES } from '../auth/roles';

export const sessionView = z.object({
  user: z.object({ id: z.string(), displayName: z.string(), role: z.enum(ROLES) }),
  counter: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** True only in demo mode, where the demo administrator is signed in without a password; the UI says so. */
  autoSignedIn: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

/** The status bar's sync figures (issue 8); 'not-configured' until a central database is set. */
export const syncInfo = z.object({
  state: z.enum(['not-configured', 'ok', 'running', 'failing']),
  lastSuccessAt: z.string().nullable().optional(),
  pending: z.number().optional(),
  conflicts: z.number().optional(),
});
export type SyncInfo = z.infer<typeof syncInfo>;

export const appInfo = z.object({
  version: z.string(),
  organisation: z.object({ name: z.string(), licence: z.string() }),
  sync: syncInfo,
  printer: printerStatus,
});
export type AppInfo = z.infer<typeof appInfo>;
