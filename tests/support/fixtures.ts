/** Input for a valid beneficiary, with overrides; IDs carry a correct Luhn check digit. */
import type { BeneficiaryInput } from '../../shared/beneficiaries/schemas';

export function beneficiaryFixture(overrides: Partial<BeneficiaryInput> = {}): BeneficiaryInput {
  return {
    idType: 'national_id',
    idNumber: '1000000008',
    firstName: 'أحمد',
    fatherName: 'محمد',
    grandfatherName: 'عبد الله',
    familyName: 'القحطاني',
    gender: 'male',
    birthDate: { calendar: 'gregorian', value: '1985-05-21' },
    mobile: '0551234567',
    household: [],
    ...overrides,
  };
}
