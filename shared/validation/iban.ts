/** Saudi IBAN: `SA` + 22 characters, ISO 13616 mod-97 check. */
import { toLatinDigits } from '../text/digits';

export function normaliseSaudiIban(input: string): string | null {
  const value = toLatinDigits(input).replace(/\s+/g, '').toUpperCase();
  if (!/^SA\d{2}[0-9A-Z]{20}$/.test(value)) return null;
  const rearranged = value.slice(4) + value.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  // Piecewise mod-97 keeps every step inside a safe integer.
  let remainder = 0;
  for (let i = 0; i < numeric.length; i += 7) {
    remainder = Number(String(remainder) + numeric.slice(i, i + 7)) % 97;
  }
  return remainder === 1 ? value : null;
}
