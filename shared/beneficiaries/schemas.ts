/**
 * The beneficiary record as a Saudi charity's intake form holds it. One schema validates the
 * form in the renderer and the input in the router, so both sides refuse the same things.
 */
import { z } from 'zod';
import { ID_TYPES, checkIdNumber } from './identity';
import {
  arabicNamePart,
  choice,
  birthDateField,
  mobileField,
  optionalAmount,
  optionalGregorianDay,
  optionalIbanField,
  optionalMobileField,
  optionalText,
} from '../validation/fields';

export const GENDERS = ['male', 'female'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'retired', 'student', 'unable_to_work'] as const;
export const RELATIONS = ['spouse', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'other'] as const;
export const SCHOOLING = ['none', 'kindergarten', 'primary', 'intermediate', 'secondary', 'university', 'graduated'] as const;

export const householdMemberInput = z.object({
  id: z.string().uuid().nullish(),
  relation: choice(RELATIONS),
  name: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  idNumber: optionalText(15),
  birthDate: optionalGregorianDay,
  disability: z.boolean().default(false),
  schooling: z.enum(SCHOOLING).nullish().transform((v) => v ?? null),
});

export const beneficiaryInput = z
  .object({
    idType: choice(ID_TYPES),
    idNumber: z.string(),
    idExpiry: optionalGregorianDay,
    firstName: arabicNamePart,
    fatherName: arabicNamePart,
    grandfatherName: arabicNamePart,
    familyName: arabicNamePart,
    latinName: optionalText(120),
    gender: choice(GENDERS),
    birthDate: birthDateField,
    nationality: z.string().trim().toUpperCase().length(2, 'invalid').default('SA'),
    maritalStatus: z.enum(MARITAL_STATUSES).nullish().transform((v) => v ?? null),
    mobile: mobileField,
    altMobile: optionalMobileField,
    city: optionalText(60),
    district: optionalText(60),
    nationalAddress: optionalText(120),
    category: optionalText(40),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullish().transform((v) => v ?? null),
    monthlyIncome: optionalAmount,
    iban: optionalIbanField,
    notes: optionalText(2000),
    household: z.array(householdMemberInput).max(30, 'tooLong').default([]),
  })
  .transform((b, ctx) => {
    const id = checkIdNumber(b.idType, b.idNumber);
    if (!id.ok) {
      ctx.addIssue({ code: 'custom', message: id.message, path: ['idNumber'] });
      return z.NEVER;
    }
    return { ...b, idNumber: id.value };
  });

export type BeneficiaryInput = z.input<typeof beneficiaryInput>;
export type BeneficiaryData = z.output<typeof beneficiaryInput>;

export const householdMemberView = z.object({
  id: z.string(),
  relation: z.enum(RELATIONS),
  name: z.string(),
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  disability: z.boolean(),
  schooling: z.enum(SCHOOLING).nullable(),
});

export const beneficiaryView = z.object({
  id: z.string(),
  reference: z.string(),
  idType: z.enum(ID_TYPES),
  idNumber: z.string(),
  idExpiry: z.string().nullable(),
  firstName: z.string(),
  fatherName: z.string(),
  grandfatherName: z.string(),
  familyName: z.string(),
  fullName: z.string(),
  latinName: z.string().nullable(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  nationality: z.string(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
  mobile: z.string(),
  altMobile: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  nationalAddress: z.string().nullable(),
  category: z.string().nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  monthlyIncome: z.number().nullable(),
  iban: z.string().nullable(),
  notes: z.string().nullable(),
  household: z.array(householdMemberView),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type BeneficiaryView = z.infer<typeof beneficiaryView>;

export const beneficiarySummary = z.object({
  id: z.string(),
  reference: z.string(),
  fullName: z.string(),
  maskedId: z.string(),
  mobile: z.string(),
  category: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  matchedBy: z.enum(['id', 'phone', 'reference', 'name']),
});
export type BeneficiarySummary = z.infer<typeof beneficiarySummary>;
