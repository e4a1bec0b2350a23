/** The society's profile, this counter's identity and backups, as administrators edit them. */
import { z } from 'zod';
import { optionalText, requiredText } from '../validation/fields';
import { toLatinDigits } from '../text/digits';

export const organisationProfile = z.object({
  name: requiredText(120),
  nameEn: optionalText(120),
  licence: z
    .string()
    .transform((s) => toLatinDigits(s).trim())
    .refine((s) => /^\d{1,10}$/.test(s), 'settings.licence'),
  address: optionalText(200),
  phone: optionalText(30),
  /** Extra lines printed under the name on every document (e.g. the Kingdom, the region). */
  headerLines: z.array(z.string().trim().max(80, 'tooLong')).max(4, 'tooLong').default([]),
});
export type OrganisationProfile = z.output<typeof organisationProfile>;

export const counterProfile = z.object({
  code: z
    .string()
    .transform((s) => toLatinDigits(s).trim().toUpperCase())
    .refine((s) => /^[A-Z][A-Z0-9]{1,5}$/.test(s), 'settings.counterCode'),
  name: requiredText(60),
});
export type CounterProfile = z.output<typeof counterProfile>;

export const backupSummary = z.object({
  file: z.string(),
  migrations: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
});

export const backupEntry = z.object({ name: z.string(), bytes: z.number(), at: z.string() });

/** A restore waiting for the restart; `restarting` is false where the app cannot restart itself (browser preview). */
export const restoreStaged = z.object({ backup: backupSummary, restarting: z.boolean() });

export const lastRestore = z.object({
  ok: z.boolean(),
  backup: z.string(),
  at: z.string(),
  /** The current data as it was, kept before the swap (a name in backups/before-restore). */
  safetyBackup: z.string().nullable(),
  counts: z.record(z.string(), z.number()).nullable(),
});
