/**
 * Contacts through the other channels: social media messages, website requests, help-request
 * services and volunteer sign-ups. Each is recorded with its channel, a summary and the
 * beneficiary it concerns, and can be carried into an interview or a support request.
 */
import { z } from 'zod';
import { choice, optionalText, requiredText } from '../validation/fields';
import { normaliseAnyPhone } from '../validation/phone';

export const CONTACT_CHANNELS = ['social_media', 'website', 'help_service', 'volunteer_signup', 'email', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_STATUSES = ['new', 'handled', 'converted'] as const;
export const CONVERSION_KINDS = ['interview', 'request', 'volunteer'] as const;

export const optionalAnyPhone = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || s.trim() === '') return null;
    const e164 = normaliseAnyPhone(s);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'phone.invalid' });
      return z.NEVER;
    }
    return e164;
  });

export const contactInput = z.object({
  channel: choice(CONTACT_CHANNELS),
  /** Which platform or service: X, WhatsApp, the society's website form, Ehsan… */
  source: optionalText(80),
  personName: optionalText(120),
  phone: optionalAnyPhone,
  handle: optionalText(120),
  summary: requiredText(4000),
  beneficiaryId: z.string().uuid().nullish().transform((v) => v ?? null),
});
export type ContactInput = z.input<typeof contactInput>;
export type ContactData = z.output<typeof contactInput>;

export const contactView = z.object({
  id: z.string(),
  reference: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  source: z.string().nullable(),
  personName: z.string().nullable(),
  phone: z.string().nullable(),
  handle: z.string().nullable(),
  summary: z.string(),
  beneficiaryId: z.string().nullable(),
  beneficiaryName: z.string().nullable(),
  status: z.enum(CONTACT_STATUSES),
  convertedKind: z.enum(CONVERSION_KINDS).nullable(),
  convertedId: z.string().nullable(),
  receivedAt: z.string(),
  createdByName: z.string(),
});
export type ContactView = z.infer<typeof contactView>;

/**
 * What an interview or a support request form can prefill from a contact, so nobody retypes it.
 * Walk-ins and requests read this shape (`contacts:prefill`) and report back with
 * `contacts:markConverted` once their record exists.
 */
export const contactPrefill = z.object({
  contactId: z.string(),
  contactReference: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  beneficiaryId: z.string().nullable(),
  personName: z.string().nullable(),
  phone: z.string().nullable(),
  summary: z.string(),
  receivedAt: z.string(),
});
export type ContactPrefill = z.infer<typeof contactPrefill>;

export const contactFilter = z.object({
  channel: z.enum(CONTACT_CHANNELS).nullish(),
  status: z.enum(CONTACT_STATUSES).nullish(),
  limit: z.number().int().min(1).max(500).default(100),
});
