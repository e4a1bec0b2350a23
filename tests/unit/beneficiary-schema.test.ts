import { describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { issueMessageKey } from '../../shared/i18n/validation-messages';
import { beneficiaryFixture } from '../support/fixtures';

function keysOf(input: unknown): Record<string, string> {
  const result = beneficiaryInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), issueMessageKey(i)]));
}

describe('beneficiary input schema', () => {
  it('normalises a valid record typed with Eastern digits and a Hijri birth date', () => {
    const parsed = beneficiaryInput.parse(
      beneficiaryFixture({
        idNumber: '١٠٠٠٠٠٠٠٠٨',
        mobile: '٠٥٥١٢٣٤٥٦٧',
        birthDate: { calendar: 'hijri', value: '١٤٠٥/٠٩/٠١' },
        monthlyIncome: '٣٬٥٠٠',
        iban: 'SA03 8000 0000 6080 1016 7519',
        latinName: '  ',
      }),
    );
    expect(parsed.idNumber).toBe('1000000008');
    expect(parsed.mobile).toBe('+966551234567');
    expect(parsed.birthDate).toBe('1985-05-21');
    expect(parsed.monthlyIncome).toBe(3500);
    expect(parsed.iban).toBe('SA0380000000608010167519');
    expect(parsed.latinName).toBeNull();
  });

  it('names each wrong field with a specific message key', () => {
    expect(
      keysOf(
        beneficiaryFixture({
          idNumber: '1000000007',
          mobile: '0111234567',
          firstName: 'Ahmed',
          iban: 'SA00',
          birthDate: { calendar: 'gregorian', value: '2099-01-01' },
        }),
      ),
    ).toEqual({
      mobile: 'mobile.invalid',
      firstName: 'name.arabic',
      iban: 'iban.invalid',
      'birthDate.value': 'date.future',
    });
    // The ID is checked after the other fields pass, with its own message.
    expect(keysOf(beneficiaryFixture({ idNumber: '1000000007' }))).toEqual({ idNumber: 'nationalId.checksum' });
    expect(keysOf(beneficiaryFixture({ idType: 'iqama' }))).toEqual({ idNumber: 'nationalId.kindMismatch' });
  });

  it('reports missing required fields as required', () => {
    const keys = keysOf({ idType: 'national_id', idNumber: '1000000008' });
    expect(keys.firstName).toBe('required');
    expect(keys.gender).toBe('required');
    expect(keys.mobile).toBe('required');
  });

  it('validates household members', () => {
    expect(keysOf(beneficiaryFixture({ household: [{ relation: 'son', name: '', disability: false }] }))).toEqual({
      'household.0.name': 'required',
    });
  });
});
