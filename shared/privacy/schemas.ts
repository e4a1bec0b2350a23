/** PDPL registers as they cross the IPC boundary: notices, consents, data-subject requests, retention, breaches. */
import { z } from 'zod';
import { optionalText, requiredText } from '../validation/fields';
import { toLatinDigits } from '../text/digits';

export const noticeView = z.object({ version: z.number(), bodyAr: z.string(), bodyEn: z.string(), publishedAt: z.string() });
export type NoticeView = z.infer<typeof noticeView>;

export const publishNoticeInput = z.object({ bodyAr: requiredText(8000), bodyEn: requiredText(8000) });

export const GIVEN_BY = ['self', 'guardian'] as const;

export const recordConsentInput = z
  .object({
    beneficiaryId: z.string().uuid(),
    noticeVersion: z.number().int().positive(),
    givenBy: z.enum(GIVEN_BY),
    guardianName: optionalText(80),
    guardianRelation: optionalText(40),
    guardianIdNumber: z
      .string()
      .transform((s) => toLatinDigits(s).trim())
      .pipe(z.string().regex(/^\d{10}$/, 'idNumber.format'))
      .nullish()
      .or(z.literal('').transform(() => null)),
  })
  .superRefine((v, ctx) => {
    // A guardian consents for someone who lacks capacity: who they are must be recorded.
    if (v.givenBy === 'guardian' && !v.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], message: 'required' });
  });

export const consentView = z.object({
  id: z.string(),
  beneficiaryId: z.string(),
  noticeVersion: z.number(),
  givenBy: z.enum(GIVEN_BY),
  guardianName: z.string().nullable(),
  guardianRelation: z.string().nullable(),
  consentedAt: z.string(),
  recordedBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentView>;

export const withdrawConsentInput = z.object({ consentId: z.string().uuid(), reason: optionalText(400) });

export const privacySettings = z.object({
  /** PDPL: copies of identity documents are not kept unless a law or authority requires it. */
  storeIdDocumentCopies: z.boolean(),
});

export const DSR_KINDS = ['access', 'correction', 'deletion'] as const;
export const DSR_STATUSES = ['open', 'completed', 'refused'] as const;

const dayText = z
  .string()
  .transform((s) => toLatinDigits(s).trim())
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid'));

export const createRequestInput = z.object({
  beneficiaryId: z.string().uuid(),
  kind: z.enum(DSR_KINDS),
  details: optionalText(2000),
  /** The day the request reached the society (default today); the 30 days count from it. */
  receivedOn: dayText.nullish(),
});

export const requestView = z.object({
  id: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string().nullable(),
  beneficiaryReference: z.string().nullable(),
  kind: z.enum(DSR_KINDS),
  details: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  extendedAt: z.string().nullable(),
  extensionNotice: z.string().nullable(),
  status: z.enum(DSR_STATUSES),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  overdue: z.boolean(),
  daysLeft: z.number(),
});
export type RequestView = z.infer<typeof requestView>;

export const extendRequestInput = z.object({ id: z.string().uuid(), notice: requiredText(1000) });
export const closeRequestInput = z.object({ id: z.string().uuid(), status: z.enum(['completed', 'refused']), outcome: requiredText(2000) });

export const exportResult = z.object({ fileName: z.string(), json: z.string(), sections: z.array(z.object({ table: z.string(), rows: z.number() })) });
/** Whether a support request may be filed for the person: consent to the notice in force (a guardian's for a minor). */
export const consentStatus = z.object({
  current: z.boolean(),
  minor: z.boolean(),
  noticeVersion: z.number().int(),
  reason: z.enum(['consent_required', 'guardian_consent_required']).nullable(),
});
export type ConsentStatus = z.infer<typeof consentStatus>;
export const exportPdfResult = z.object({ fileName: z.string(), mime: z.literal('application/pdf'), base64: z.string(), sections: exportResult.shape.sections });

export const RETENTION_ACTIONS = ['anonymise', 'delete'] as const;
export const retentionRule = z.object({
  recordType: z.string(),
  keepDays: z.number().int().min(30).max(36500),
  action: z.enum(RETENTION_ACTIONS),
  basis: z.string(),
});
export const setRetentionInput = z.object({ recordType: z.string().max(40), keepDays: z.number().int().min(30).max(36500) });

export const purgeResult = z.object({
  ranAt: z.string(),
  results: z.array(z.object({ recordType: z.string(), action: z.string(), count: z.number() })),
});
export type PurgeResult = z.infer<typeof purgeResult>;

export const BREACH_STATUSES = ['open', 'contained', 'closed'] as const;
export const recordBreachInput = z.object({
  discoveredAt: z.string().datetime({ offset: true }),
  description: requiredText(4000),
  dataKinds: requiredText(400),
  affectedCount: z.number().int().min(0).max(10_000_000),
  measures: optionalText(4000),
});
export const updateBreachInput = z.object({
  id: z.string().uuid(),
  status: z.enum(BREACH_STATUSES),
  measures: optionalText(4000),
  regulatorNotified: z.boolean(),
  subjectsNotified: z.boolean(),
});
export const breachView = z.object({
  id: z.string(),
  discoveredAt: z.string(),
  description: z.string(),
  dataKinds: z.string(),
  affectedCount: z.number(),
  measures: z.string().nullable(),
  notifyDueAt: z.string(),
  regulatorNotifiedAt: z.string().nullable(),
  subjectsNotifiedAt: z.string().nullable(),
  status: z.enum(BREACH_STATUSES),
  /** Not yet notified and past the 72 hours. */
  notificationOverdue: z.boolean(),
  hoursLeft: z.number(),
});
export type BreachView = z.infer<typeof breachView>;
