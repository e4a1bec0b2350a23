/**
 * The synthetic people's shortcuts (main/demo/synthetic-people.ts) give exactly what the real
 * validators and normalisation give: benchmarks and demo data must look like real records.
 */
import { describe, expect, it } from 'vitest';
import { normalisedNameOf, nthMobile, nthMobileE164, prng, syntheticBeneficiary, syntheticBeneficiaryRow } from '../../main/demo/synthetic-people';
import { normaliseSaudiMobile } from '../../shared/validation/phone';
import { normaliseName } from '../../shared/text/arabic-normalise';

describe('synthetic people', () => {
  it('E.164 mobiles equal what the phone validator makes of the local number (the first 2,000,000 people)', () => {
    for (let n = 0; n < 5000; n++) {
      const k = n * 397 + (n % 7);
      expect(nthMobileE164(k)).toBe(normaliseSaudiMobile(nthMobile(k)));
    }
  });

  it('names normalised part by part equal the whole-name normalisation, also where a compound crosses parts', () => {
    for (const parts of [
      ['أحمد', 'عبد الرحمن', 'إبراهيم', 'القحطاني'],
      ['محمد', 'عبد', 'الله', 'الشمري'],
      ['سارة', 'ابن', 'خالد', 'العتيبي'],
      ['فهد', 'سعد ابن', 'ناصر', 'الدوسري'],
      ['هيا', '', 'فيصل', 'الحربي'],
    ]) {
      expect(normalisedNameOf(parts)).toBe(normaliseName(parts));
    }
  });

  it('rows carry the normalised name and mobile of the person they were made from', () => {
    const a = prng(99);
    const b = prng(99);
    for (let n = 1; n <= 3000; n++) {
      const row = syntheticBeneficiaryRow(n, a, { id: `r${n}`, reference: `B-${n}`, at: '2026-01-01T00:00:00.000Z', counterId: 'c' });
      const p = syntheticBeneficiary(n, b);
      expect(row.name_normalised).toBe(normaliseName([p.firstName, p.fatherName, p.grandfatherName, p.familyName]));
      expect(row.mobile).toBe(normaliseSaudiMobile(p.mobile));
    }
  });
});
