/**
 * Saudi national ID and Iqama numbers: 10 digits, the first says who holds it (1 citizen,
 * 2 resident), the last is a Luhn check digit. Whether the number exists needs the government's
 * online service, which the counter does not assume.
 */
import { digitsOnly } from '../text/digits';

export type SaudiIdKind = 'citizen' | 'resident';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]);
    // Counting from the first digit, positions 1, 3, 5… (index 0, 2, 4…) are doubled.
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type NationalIdProblem = 'length' | 'prefix' | 'checksum';

export function checkSaudiId(input: string): { ok: true; value: string; kind: SaudiIdKind } | { ok: false; problem: NationalIdProblem } {
  const value = digitsOnly(input);
  if (value.length !== 10) return { ok: false, problem: 'length' };
  const first = value[0];
  if (first !== '1' && first !== '2') return { ok: false, problem: 'prefix' };
  if (!luhnValid(value)) return { ok: false, problem: 'checksum' };
  return { ok: true, value, kind: first === '1' ? 'citizen' : 'resident' };
}

/** Show only the first and last four digits: `1•••••7890`. */
export function maskId(id: string): string {
  if (id.length <= 5) return id;
  return id[0] + '•'.repeat(id.length - 5) + id.slice(-4);
}
