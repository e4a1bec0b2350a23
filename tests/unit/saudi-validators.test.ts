import { describe, expect, it } from 'vitest';
import { checkSaudiId, luhnValid, maskId } from '../../shared/validation/national-id';
import { displayPhone, normaliseAnyPhone, normaliseSaudiMobile } from '../../shared/validation/phone';
import { normaliseSaudiIban } from '../../shared/validation/iban';
import { checkIdNumber } from '../../shared/beneficiaries/identity';
import { nthSaudiId, withCheckDigit } from '../../main/demo/synthetic-people';

describe('national ID / Iqama', () => {
  it('accepts a citizen ID with a correct check digit, typed in Eastern digits', () => {
    expect(checkSaudiId('١٠٠٠٠٠٠٠٠٨')).toEqual({ ok: true, value: '1000000008', kind: 'citizen' });
  });
  it('accepts a resident (Iqama) number', () => {
    const iqama = withCheckDigit('212345678');
    expect(checkSaudiId(iqama)).toMatchObject({ ok: true, kind: 'resident' });
  });
  it('refuses a wrong check digit', () => {
    expect(checkSaudiId('1000000007')).toEqual({ ok: false, problem: 'checksum' });
  });
  it('refuses a wrong length and a wrong first digit', () => {
    expect(checkSaudiId('100000000')).toEqual({ ok: false, problem: 'length' });
    expect(checkSaudiId(withCheckDigit('312345678'))).toEqual({ ok: false, problem: 'prefix' });
  });
  it('implements Luhn as FACTS.md describes (every generated ID passes, a changed digit fails)', () => {
    for (let n = 0; n < 500; n++) {
      const id = nthSaudiId(n * 7919);
      expect(luhnValid(id)).toBe(true);
      const broken = id.slice(0, 5) + String((Number(id[5]) + 1) % 10) + id.slice(6);
      expect(luhnValid(broken)).toBe(false);
    }
  });
  it('requires the ID type to agree with the first digit', () => {
    expect(checkIdNumber('iqama', '1000000008')).toEqual({ ok: false, message: 'nationalId.kindMismatch' });
    expect(checkIdNumber('national_id', withCheckDigit('212345678'))).toEqual({ ok: false, message: 'nationalId.kindMismatch' });
    expect(checkIdNumber('passport', 'a1234567')).toEqual({ ok: true, value: 'A1234567' });
    expect(checkIdNumber('border_number', '123')).toEqual({ ok: false, message: 'idNumber.format' });
  });
  it('masks all but the first and last four digits', () => {
    expect(maskId('1234567890')).toBe('1•••••7890');
  });
});

describe('mobile numbers', () => {
  it.each(['0551234567', '٠٥٥١٢٣٤٥٦٧', '551234567', '966551234567', '+966 55 123 4567', '00966551234567', '055-123-4567'])(
    'stores %s as E.164',
    (input) => {
      expect(normaliseSaudiMobile(input)).toBe('+966551234567');
    },
  );
  it.each(['0111234567', '05512345', '12345', 'abc', '+201001234567'])('refuses %s as a Saudi mobile', (input) => {
    expect(normaliseSaudiMobile(input)).toBeNull();
  });
  it('accepts a Riyadh landline as a phone number (call log)', () => {
    expect(normaliseAnyPhone('0114567890')).toBe('+966114567890');
  });
});

describe('phone display', () => {
  it('shows Saudi numbers as staff type them and others internationally; what does not parse as stored', () => {
    expect(displayPhone('+966561112222')).toBe('056 111 2222');
    expect(displayPhone(normaliseSaudiMobile('٠٥٦١١١٢٢٢٢'))).toBe('056 111 2222');
    expect(displayPhone('+966114567890')).toBe('011 456 7890');
    expect(displayPhone('+971501234567')).toBe('+971 50 123 4567');
    expect(displayPhone('+9665')).toBe('+9665');
    expect(displayPhone(null)).toBe('');
  });
});

describe('IBAN', () => {
  it('accepts a valid Saudi IBAN with spaces and Eastern digits', () => {
    expect(normaliseSaudiIban('SA03 8000 0000 6080 1016 7519')).toBe('SA0380000000608010167519');
    expect(normaliseSaudiIban('sa٠٣٨٠٠٠٠٠٠٠٦٠٨٠١٠١٦٧٥١٩')).toBe('SA0380000000608010167519');
  });
  it('refuses a bad checksum, a foreign IBAN and a wrong length', () => {
    expect(normaliseSaudiIban('SA0480000000608010167519')).toBeNull();
    expect(normaliseSaudiIban('GB82WEST12345698765432')).toBeNull();
    expect(normaliseSaudiIban('SA038000000060801016751')).toBeNull();
  });
});
