/**
 * The phone-call log: one record per call, with the beneficiary it concerns (when known), the
 * topic from the society's configurable list, the outcome, the measured duration and an optional
 * follow-up (a callback due on a day, assigned to a member of staff).
 */
import { z } from 'zod';
import { choice, optionalGregorianDay, optionalText, requiredText } from '../validation/fields';
import { normaliseAnyPhone } from '../validation/phone';

export const CALL_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const CALL_OUTCOMES = ['answered', 'info_given', 'referred', 'callback_needed', 'no_answer', 'complaint_logged'] as const;
export const FOLLOW_UP_STATES = ['none', 'open', 'closed'] as const;

/** A phone number typed in any digits; stored as E.164 (landlines and foreign numbers allowed). */
export const anyPhoneField = z.string().transform((s, ctx) => {
  const e164 = normaliseAnyPhone(s);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: s.trim() === '' ? 'required' : 'phone.invalid' });
    return z.NEVER;
  }
  return e164;
});

export const callTopic = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'invalid'),
  ar: requiredText(60),
  en: requiredText(60),
  active: z.boolean().default(true),
});
export type CallTopic = z.infer<typeof callTopic>;

export const callInput = z
  .object({
    direction: choice(CALL_DIRECTIONS),
    phone: anyPhoneField,
    beneficiaryId: z.string().uuid().nullish().transform((v) => v ?? null),
    callerName: optionalText(120),
    topic: z.string().trim().min(1, 'required').max(40, 'tooLong'),
    summary: requiredText(2000),
    outcome: choice(CALL_OUTCOMES),
    durationSeconds: z.number().int().min(0).max(24 * 3600),
    followUp: z.boolean().default(false),
    followUpDue: optionalGregorianDay,
    followUpAssigneeId: z.string().uuid().nullish().transform((v) => v ?? null),
    followUpNote: optionalText(500),
  })
  .superRefine((c, ctx) => {
    if (c.followUp && !c.followUpDue) ctx.addIssue({ code: 'custom', message: 'required', path: ['followUpDue'] });
    if (c.followUp && !c.followUpAssigneeId) ctx.addIssue({ code: 'custom', message: 'required', path: ['followUpAssigneeId'] });
  });
export type CallInput = z.input<typeof callInput>;
export type CallData = z.output<typeof callInput>;

export const callView = z.object({
  id: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  phone: z.string(),
  beneficiaryId: z.string().nullable(),
  beneficiaryName: z.string().nullable(),
  beneficiaryReference: z.string().nullable(),
  callerName: z.string().nullable(),
  topic: z.string(),
  summary: z.string(),
  outcome: z.enum(CALL_OUTCOMES),
  durationSeconds: z.number().int(),
  startedAt: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  followUp: z.enum(FOLLOW_UP_STATES),
  followUpDue: z.string().nullable(),
  followUpAssigneeId: z.string().nullable(),
  followUpAssigneeName: z.string().nullable(),
  followUpNote: z.string().nullable(),
  followUpClosedAt: z.string().nullable(),
  followUpClosedByName: z.string().nullable(),
  followUpClosingNote: z.string().nullable(),
  overdue: z.boolean(),
});
export type CallView = z.infer<typeof callView>;

export const callFilter = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid'),
  direction: z.enum(CALL_DIRECTIONS).nullish(),
  topic: z.string().max(40).nullish(),
  staffId: z.string().uuid().nullish(),
  linked: z.enum(['linked', 'unlinked']).nullish(),
});
export type CallFilter = z.input<typeof callFilter>;

export const phoneLookup = z.object({
  phone: z.string().nullable(),
  beneficiaries: z.array(
    z.object({ id: z.string(), reference: z.string(), fullName: z.string(), maskedId: z.string(), mobile: z.string() }),
  ),
  lastCallerName: z.string().nullable(),
  previousCalls: z.number().int(),
});
export type PhoneLookup = z.infer<typeof phoneLookup>;

export const staffMember = z.object({ id: z.string(), displayName: z.string() });

/** Default topics; the society edits the list in settings. */
export const DEFAULT_CALL_TOPICS: CallTopic[] = [
  { key: 'request_status', ar: 'استفسار عن طلب', en: 'Request status', active: true },
  { key: 'help_request', ar: 'طلب مساعدة', en: 'Asking for help', active: true },
  { key: 'appointment', ar: 'موعد', en: 'Appointment', active: true },
  { key: 'complaint', ar: 'شكوى أو ملاحظة', en: 'Complaint or remark', active: true },
  { key: 'donation', ar: 'تبرع', en: 'Donation', active: true },
  { key: 'volunteering', ar: 'تطوع', en: 'Volunteering', active: true },
  { key: 'other', ar: 'أخرى', en: 'Other', active: true },
];
