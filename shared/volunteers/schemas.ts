/** The small registry of volunteers: who they are, how to reach them, what they can do and when. */
import { z } from 'zod';
import { checkIdNumber } from '../beneficiaries/identity';
import { toLatinDigits } from '../text/digits';
import { choice, optionalText, requiredText } from '../validation/fields';
import { anyPhoneField } from '../calls/schemas';

export const VOLUNTEER_STATUSES = ['applicant', 'active', 'inactive'] as const;
export const AVAILABILITY = ['weekday_mornings', 'weekday_evenings', 'weekends', 'ramadan', 'events_only'] as const;

/** A Saudi national ID or an Iqama, told apart by the first digit and Luhn-checked. */
const volunteerIdField = z.string().transform((s, ctx) => {
  const latin = toLatinDigits(s).trim();
  if (latin === '') {
    ctx.addIssue({ code: 'custom', message: 'required' });
    return z.NEVER;
  }
  const checked = checkIdNumber(latin.startsWith('2') ? 'iqama' : 'national_id', latin);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }
  return checked.value;
});

export const volunteerInput = z.object({
  name: requiredText(120),
  idNumber: volunteerIdField,
  phone: anyPhoneField,
  skills: z.array(z.string().trim().min(1).max(40, 'tooLong')).max(20, 'tooLong').default([]),
  availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length).default([]),
  status: choice(VOLUNTEER_STATUSES),
  notes: optionalText(1000),
  contactId: z.string().uuid().nullish().transform((v) => v ?? null),
});
export type VolunteerInput = z.input<typeof volunteerInput>;
export type VolunteerData = z.output<typeof volunteerInput>;

export const volunteerView = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  skills: z.array(z.string()),
  availability: z.array(z.enum(AVAILABILITY)),
  status: z.enum(VOLUNTEER_STATUSES),
  notes: z.string().nullable(),
  contactId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type VolunteerView = z.infer<typeof volunteerView>;
