/**
 * The create/edit form keeps exactly what the user typed (strings, Eastern digits and all), and
 * converts to the contract's input only to validate or submit, so a refused save loses nothing.
 */
import type { BeneficiaryInput, BeneficiaryView } from '../../../shared/beneficiaries/schemas';

export interface HouseholdRow {
  id: string | null;
  relation: string;
  name: string;
  idNumber: string;
  birthDate: string;
  disability: boolean;
  schooling: string | null;
}

export interface FormValues {
  idType: string;
  idNumber: string;
  idExpiry: string;
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  latinName: string;
  gender: string;
  birthCalendar: 'gregorian' | 'hijri';
  birthDate: string;
  nationality: string;
  maritalStatus: string | null;
  mobile: string;
  altMobile: string;
  city: string;
  district: string;
  nationalAddress: string;
  category: string | null;
  employmentStatus: string | null;
  monthlyIncome: string;
  iban: string;
  notes: string;
  household: HouseholdRow[];
}

export const EMPTY_FORM: FormValues = {
  idType: 'national_id',
  idNumber: '',
  idExpiry: '',
  firstName: '',
  fatherName: '',
  grandfatherName: '',
  familyName: '',
  latinName: '',
  gender: '',
  birthCalendar: 'gregorian',
  birthDate: '',
  nationality: 'SA',
  maritalStatus: null,
  mobile: '',
  altMobile: '',
  city: '',
  district: '',
  nationalAddress: '',
  category: null,
  employmentStatus: null,
  monthlyIncome: '',
  iban: '',
  notes: '',
  household: [],
};

export function fromView(b: BeneficiaryView): FormValues {
  const localMobile = (e164: string | null) => (e164 ? e164.replace(/^\+966/, '0') : '');
  return {
    idType: b.idType,
    idNumber: b.idNumber,
    idExpiry: b.idExpiry ?? '',
    firstName: b.firstName,
    fatherName: b.fatherName,
    grandfatherName: b.grandfatherName,
    familyName: b.familyName,
    latinName: b.latinName ?? '',
    gender: b.gender,
    birthCalendar: 'gregorian',
    birthDate: b.birthDate ?? '',
    nationality: b.nationality,
    maritalStatus: b.maritalStatus,
    mobile: localMobile(b.mobile),
    altMobile: localMobile(b.altMobile),
    city: b.city ?? '',
    district: b.district ?? '',
    nationalAddress: b.nationalAddress ?? '',
    category: b.category,
    employmentStatus: b.employmentStatus,
    monthlyIncome: b.monthlyIncome === null ? '' : String(b.monthlyIncome),
    iban: b.iban ?? '',
    notes: b.notes ?? '',
    household: b.household.map((m) => ({
      id: m.id,
      relation: m.relation,
      name: m.name,
      idNumber: m.idNumber ?? '',
      birthDate: m.birthDate ?? '',
      disability: m.disability,
      schooling: m.schooling,
    })),
  };
}

export function toInput(v: FormValues): BeneficiaryInput {
  return {
    ...v,
    gender: v.gender as BeneficiaryInput['gender'],
    idType: v.idType as BeneficiaryInput['idType'],
    birthDate: { calendar: v.birthCalendar, value: v.birthDate },
    maritalStatus: v.maritalStatus as BeneficiaryInput['maritalStatus'],
    employmentStatus: v.employmentStatus as BeneficiaryInput['employmentStatus'],
    household: v.household.map((m) => ({
      ...m,
      relation: m.relation as NonNullable<BeneficiaryInput['household']>[number]['relation'],
      schooling: m.schooling as NonNullable<BeneficiaryInput['household']>[number]['schooling'],
    })),
  };
}
