/** Identity documents a beneficiary may present, and the rule each number must follow. */
import { checkSaudiId } from '../validation/national-id';
import { toLatinDigits } from '../text/digits';

export const ID_TYPES = ['national_id', 'iqama', 'border_number', 'passport', 'gcc_id'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** Returns the stored form of the number, or the message key of what is wrong with it. */
export function checkIdNumber(type: IdType, raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = toLatinDigits(raw).replace(/[\s-]/g, '').toUpperCase();
  if (text === '') return { ok: false, message: 'required' };
  if (type === 'national_id' || type === 'iqama') {
    const result = checkSaudiId(text);
    if (!result.ok) return { ok: false, message: `nationalId.${result.problem}` };
    const expected = type === 'national_id' ? 'citizen' : 'resident';
    if (result.kind !== expected) return { ok: false, message: 'nationalId.kindMismatch' };
    return { ok: true, value: result.value };
  }
  // Border numbers are 10 digits starting with 3 or 4; passports and GCC IDs are alphanumeric.
  const pattern = type === 'border_number' ? /^[34]\d{9}$/ : /^[A-Z0-9]{5,15}$/;
  return pattern.test(text) ? { ok: true, value: text } : { ok: false, message: 'idNumber.format' };
}
