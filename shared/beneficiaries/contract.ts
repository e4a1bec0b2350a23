import { z } from 'zod';
import { channel } from '../contract/define';
import { REGISTRY_WRITERS, STAFF } from '../auth/roles';
import { beneficiaryInput, beneficiarySummary, beneficiaryView } from './schemas';

export const duplicateCandidate = z.object({
  id: z.string(),
  reference: z.string(),
  fullName: z.string(),
  maskedId: z.string(),
  reason: z.enum(['same_id', 'same_phone', 'same_name_birth_year']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const category = z.object({ key: z.string(), nameAr: z.string(), nameEn: z.string() });

export const categoryEntry = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,40}$/).nullish(),
  nameAr: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  nameEn: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  active: z.boolean(),
});

export const beneficiariesContract = {
  'beneficiaries:allCategories': channel({
    input: z.object({}).optional(),
    output: z.array(categoryEntry.extend({ key: z.string() })),
    access: ['administrator'],
  }),
  'beneficiaries:saveCategories': channel({
    input: z.object({ categories: z.array(categoryEntry).min(1, 'required').max(50, 'tooLong') }),
    output: z.array(categoryEntry.extend({ key: z.string() })),
    access: ['administrator'],
  }),
  'beneficiaries:categories': channel({
    input: z.object({}).optional(),
    output: z.array(category),
    access: STAFF,
  }),
  'beneficiaries:search': channel({
    input: z.object({ query: z.string().max(100, 'tooLong'), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(beneficiarySummary),
    access: STAFF,
    readsPersonalData: true,
  }),
  'beneficiaries:get': channel({
    input: z.object({ id: z.string().uuid() }),
    output: beneficiaryView,
    access: STAFF,
    readsPersonalData: true,
  }),
  'beneficiaries:create': channel({
    input: z.object({ data: beneficiaryInput, acknowledgedWarnings: z.array(z.string()).default([]) }),
    output: beneficiaryView,
    access: REGISTRY_WRITERS,
  }),
  'beneficiaries:update': channel({
    input: z.object({
      id: z.string().uuid(),
      version: z.number().int(),
      data: beneficiaryInput,
      acknowledgedWarnings: z.array(z.string()).default([]),
    }),
    output: beneficiaryView,
    access: REGISTRY_WRITERS,
  }),
  'beneficiaries:checkDuplicates': channel({
    input: z.object({
      excludeId: z.string().uuid().nullish(),
      idNumber: z.string().max(20).nullish(),
      mobile: z.string().max(20).nullish(),
      firstName: z.string().max(40).nullish(),
      fatherName: z.string().max(40).nullish(),
      grandfatherName: z.string().max(40).nullish(),
      familyName: z.string().max(40).nullish(),
      birthYear: z.number().int().nullish(),
    }),
    output: z.array(duplicateCandidate),
    access: REGISTRY_WRITERS,
  }),
};
