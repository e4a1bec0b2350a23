/**
 * PDPL consent before a support request, through the router on a real SQLite file: no consent,
 * a withdrawn one, one to an older notice, or a minor's own consent are refused with a clear
 * Arabic and English message; the person's (or a guardian's for a minor) consent lets it through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { isMinor } from '../../main/privacy/consent-gate';
import type { ConsentStatus, ConsentView } from '../../shared/privacy/schemas';
import type { RequestView } from '../../shared/requests/schemas';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeAll(async () => {
  core = await createTestCore();
});
afterAll(async () => {
  await core?.dispose();
});

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const draft = (beneficiaryId: string) => call(core, 'requests:createDraft', { beneficiaryId, data: { supportType: 'food_basket', items: 'سلة غذائية', justification: 'دخل محدود' } });

describe('consent before a support request', () => {
  it('refuses a request without consent, in Arabic and English, and files it once the person consents', async () => {
    const b = await ok<{ id: string }>('beneficiaries:create', { data: beneficiaryFixture() });
    expect(await ok<ConsentStatus>('privacy:consentStatus', { beneficiaryId: b.id })).toEqual({ current: false, minor: false, noticeVersion: 1, reason: 'consent_required' });
    const refused = await draft(b.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'consent_required', noticeVersion: '1' } } });
    if (!refused.ok) {
      expect(refused.error.message.ar).toBe('لا توجد موافقة مسجلة من المستفيد على إشعار الخصوصية الحالي. اعرض الإشعار عليه وسجّل موافقته قبل تقديم طلب الدعم.');
      expect(refused.error.message.en).toContain('record the consent before filing a support request');
    }
    expect(await core.db.selectFrom('support_requests').select('id').where('beneficiary_id', '=', b.id).execute()).toEqual([]);

    const consent = await ok<ConsentView>('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'self' });
    expect(await ok<ConsentStatus>('privacy:consentStatus', { beneficiaryId: b.id })).toMatchObject({ current: true, reason: null });
    let request = await ok<RequestView>('requests:createDraft', { beneficiaryId: b.id, data: { supportType: 'other', amount: '300', justification: 'حاجة' } });
    request = await ok('requests:verifyItem', { requestId: request.id, itemId: request.checklist[0]!.id, verified: true, documentNumber: '1000000008', expiryDate: '2031-01-01' });
    request = await ok('requests:sign', { id: request.id, version: request.version, method: 'paper' });

    // Withdrawn between the draft and the submission: the submission is refused too.
    await ok('privacy:withdrawConsent', { consentId: consent.id, reason: 'طلب المستفيد' });
    expect(await call(core, 'requests:submit', { id: request.id, version: request.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'consent_required' } } });
    await ok('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'self' });
    expect((await ok<RequestView>('requests:submit', { id: request.id, version: request.version })).status).toBe('submitted');
  });

  it('needs a guardian’s consent for a minor', async () => {
    const today = new Date();
    const sixteen = `${today.getUTCFullYear() - 16}-01-15`;
    const b = await ok<{ id: string }>('beneficiaries:create', { data: beneficiaryFixture({ idNumber: '1000000016', mobile: '0561112222', birthDate: { calendar: 'gregorian', value: sixteen }, household: [] }) });
    await ok('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'self' });
    expect(await ok<ConsentStatus>('privacy:consentStatus', { beneficiaryId: b.id })).toEqual({ current: false, minor: true, noticeVersion: 1, reason: 'guardian_consent_required' });
    const refused = await draft(b.id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'guardian_consent_required' } } });
    if (!refused.ok) expect(refused.error.message.ar).toBe('المستفيد قاصر: سجّل موافقة وليّه على إشعار الخصوصية الحالي قبل تقديم طلب الدعم.');
    await ok('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'guardian', guardianName: 'محمد القحطاني', guardianRelation: 'الأب' });
    expect((await draft(b.id)).ok).toBe(true);
  });

  it('a newer privacy notice needs a new consent before the next request', async () => {
    const b = await ok<{ id: string }>('beneficiaries:create', { data: beneficiaryFixture({ idNumber: '1000000024', mobile: '0563334444', firstName: 'نورة', gender: 'female', household: [] }) });
    await ok('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'self' });
    expect((await draft(b.id)).ok).toBe(true);
    await ok('privacy:publishNotice', { bodyAr: 'إشعار الخصوصية، الإصدار الثاني', bodyEn: 'Privacy notice, version 2' });
    expect(await draft(b.id)).toMatchObject({ ok: false, error: { details: { reason: 'consent_required', noticeVersion: '2' } } });
    await ok('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 2, givenBy: 'self' });
    expect((await draft(b.id)).ok).toBe(true);
  });

  it('counts majority from the birthday', () => {
    expect(isMinor('2008-11-30', '2026-11-29')).toBe(true);
    expect(isMinor('2008-11-29', '2026-11-29')).toBe(false);
    expect(isMinor(null, '2026-11-29')).toBe(false);
  });
});
