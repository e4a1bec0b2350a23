/** Maps database rows to the views the contract returns. */
import type { BeneficiariesTable, HouseholdMembersTable } from '../db/schema';
import type { BeneficiaryData, BeneficiarySummary, BeneficiaryView } from '../../shared/beneficiaries/schemas';
import { maskId } from '../../shared/validation/national-id';
import { normaliseName } from '../../shared/text/arabic-normalise';

type Row<T> = { [K in keyof T]: T[K] };

export function fullNameOf(b: Pick<BeneficiariesTable, 'first_name' | 'father_name' | 'grandfather_name' | 'family_name'>): string {
  return [b.first_name, b.father_name, b.grandfather_name, b.family_name].join(' ');
}

export function toView(b: Row<BeneficiariesTable>, household: Row<HouseholdMembersTable>[]): BeneficiaryView {
  return {
    id: b.id,
    reference: b.reference,
    idType: b.id_type as BeneficiaryView['idType'],
    idNumber: b.id_number,
    idExpiry: b.id_expiry,
    firstName: b.first_name,
    fatherName: b.father_name,
    grandfatherName: b.grandfather_name,
    familyName: b.family_name,
    fullName: fullNameOf(b),
    latinName: b.latin_name,
    gender: b.gender as BeneficiaryView['gender'],
    birthDate: b.birth_date,
    nationality: b.nationality,
    maritalStatus: b.marital_status as BeneficiaryView['maritalStatus'],
    mobile: b.mobile,
    altMobile: b.alt_mobile,
    city: b.city,
    district: b.district,
    nationalAddress: b.national_address,
    category: b.category,
    employmentStatus: b.employment_status as BeneficiaryView['employmentStatus'],
    monthlyIncome: b.monthly_income,
    iban: b.iban,
    notes: b.notes,
    household: household.map((m) => ({
      id: m.id,
      relation: m.relation as BeneficiaryView['household'][number]['relation'],
      name: m.name,
      idNumber: m.id_number,
      birthDate: m.birth_date,
      disability: m.disability === 1,
      schooling: m.schooling as BeneficiaryView['household'][number]['schooling'],
    })),
    createdAt: b.created_at,
    updatedAt: b.updated_at,
    version: b.version,
  };
}

export function toSummary(
  b: Pick<BeneficiariesTable, 'id' | 'reference' | 'first_name' | 'father_name' | 'grandfather_name' | 'family_name' | 'id_number' | 'mobile' | 'category' | 'birth_date'>,
  matchedBy: BeneficiarySummary['matchedBy'],
): BeneficiarySummary {
  return {
    id: b.id,
    reference: b.reference,
    fullName: fullNameOf(b),
    maskedId: maskId(b.id_number),
    mobile: b.mobile,
    category: b.category,
    birthYear: b.birth_date ? Number(b.birth_date.slice(0, 4)) : null,
    matchedBy,
  };
}

/** The columns a create or update writes, from validated form data. */
export function toColumns(d: BeneficiaryData) {
  return {
    id_type: d.idType,
    id_number: d.idNumber,
    id_expiry: d.idExpiry,
    first_name: d.firstName,
    father_name: d.fatherName,
    grandfather_name: d.grandfatherName,
    family_name: d.familyName,
    name_normalised: normaliseName([d.firstName, d.fatherName, d.grandfatherName, d.familyName]),
    latin_name: d.latinName,
    gender: d.gender,
    birth_date: d.birthDate,
    nationality: d.nationality,
    marital_status: d.maritalStatus,
    mobile: d.mobile,
    alt_mobile: d.altMobile,
    city: d.city,
    district: d.district,
    national_address: d.nationalAddress,
    category: d.category,
    employment_status: d.employmentStatus,
    monthly_income: d.monthlyIncome,
    iban: d.iban,
    notes: d.notes,
  };
}
