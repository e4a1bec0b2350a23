import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalSealContent, DEFAULT_DECLARATION_AR, fillDeclaration, type SealContent } from '../../shared/requests/declaration';
import { sealHash } from '../../main/requests/seal';

const base: SealContent = {
  requestId: '0190a1b2-0000-7000-8000-000000000001',
  beneficiaryId: '0190a1b2-0000-7000-8000-000000000002',
  supportType: 'food_basket',
  amount: null,
  items: 'سلة غذائية لأسرة من ستة أفراد',
  justification: 'دخل الأسرة لا يكفي',
  checklist: [
    { key: 'national_id', verified: true, documentNumber: '1000000008', expiryDate: '2030-01-01' },
    { key: 'family_record', verified: true, documentNumber: '556677', expiryDate: null },
  ],
  declarationVersion: 1,
  declarationText: 'أقر أنا أحمد…',
  signatureMethod: 'paper',
  signature: 'paper:u1:2026-11-29T09:00:00.000Z',
};

describe('declaration seal', () => {
  it('is the SHA-256 of the canonical content', () => {
    expect(sealHash(base)).toBe(createHash('sha256').update(canonicalSealContent(base), 'utf8').digest('hex'));
    expect(sealHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order the checklist was read in', () => {
    expect(sealHash({ ...base, checklist: [...base.checklist].reverse() })).toBe(sealHash(base));
  });

  it('changes when anything it covers changes', () => {
    const h = sealHash(base);
    const changes: Partial<SealContent>[] = [
      { amount: 500 },
      { items: 'سلتان' },
      { justification: 'سبب آخر' },
      { supportType: 'rent' },
      { declarationText: 'نص آخر' },
      { declarationVersion: 2 },
      { signature: 'data:image/png;base64,AAAA' },
      { checklist: [{ ...base.checklist[0]!, documentNumber: '1000000016' }, base.checklist[1]!] },
      { checklist: [{ ...base.checklist[0]!, verified: false }, base.checklist[1]!] },
    ];
    for (const change of changes) expect(sealHash({ ...base, ...change })).not.toBe(h);
  });

  it('fills the declaration with the applicant’s data and keeps the policy’s wording', () => {
    const text = fillDeclaration(DEFAULT_DECLARATION_AR, {
      name: 'أحمد محمد عبد الله القحطاني',
      idNumber: '1000000008',
      mobile: '0551234567',
      supportType: 'سلة غذائية',
      amount: '',
      items: 'سلة غذائية',
      date: '29 نوفمبر 2026',
    });
    expect(text).toContain('أقر أنا أحمد محمد عبد الله القحطاني، رقم الهوية 1000000008');
    expect(text).toContain('مسؤول مسؤولية مباشرة عن صحة المعلومات');
    expect(text).toContain('خلال مدة لا تقل عن أسبوعين');
    expect(text).not.toContain('{{');
  });
});
