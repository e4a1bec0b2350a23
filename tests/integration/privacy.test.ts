/** PDPL duties through the router on a real SQLite file: notice and consent, requests and export, retention, breaches. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestCore, TEST_ADMIN, ok } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { assertIdCopiesAllowed } from '../../main/privacy/privacy-settings';
import type { ConsentView, RequestView, BreachView, NoticeView, PurgeResult } from '../../shared/privacy/schemas';
import type { AuditVerification } from '../../shared/audit/schemas';

type TestCore = Awaited<ReturnType<typeof createTestCore>>;
let core: TestCore;
afterEach(async () => {
  await core?.dispose();
});

function movableClock(start = Date.parse('2026-03-01T08:00:00Z')) {
  let t = start;
  return { clock: { now: () => new Date(t) }, advanceDays: (d: number) => (t += d * 86_400_000) };
}
/** After the clock jumps days ahead the idle lock has ended the session, as it should: sign in again. */
const signInAgain = () => ok(call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }));
async function newBeneficiary(overrides = {}) {
  return ok<{ id: string; reference: string }>(
    call(core, 'beneficiaries:create', {
      data: beneficiaryFixture({ household: [{ relation: 'son', name: 'سعد', birthDate: '2015-01-01' }], ...overrides }),
    }),
  );
}

describe('privacy notice and consent', () => {
  it('records which notice version the person saw and who consented, and the withdrawal', async () => {
    core = await createTestCore();
    const b = await newBeneficiary();
    const notice = await ok<NoticeView>(call(core, 'privacy:notice', {}));
    expect(notice.version).toBe(1);
    expect(notice.bodyAr).toContain('حقوقك');

    const guardianMissing = await call(core, 'privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'guardian' });
    expect(guardianMissing).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'guardianName' }] } });

    const consent = await ok<ConsentView>(
      call(core, 'privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'guardian', guardianName: 'محمد القحطاني', guardianRelation: 'الأب', guardianIdNumber: '١٠٠٠٠٠٠٠١٦' }),
    );
    expect(consent).toMatchObject({ noticeVersion: 1, givenBy: 'guardian', guardianName: 'محمد القحطاني', recordedBy: 'مدير النظام', withdrawnAt: null });

    // A new version supersedes: consent to the old one is refused from now on.
    await ok(call(core, 'privacy:publishNotice', { bodyAr: 'إشعار الخصوصية، الإصدار الثاني', bodyEn: 'Privacy notice, version 2' }));
    expect(await call(core, 'privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'self' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { currentVersion: '2' } } });

    const withdrawn = await ok<ConsentView>(call(core, 'privacy:withdrawConsent', { consentId: consent.id, reason: 'طلب المستفيد' }));
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(await call(core, 'privacy:withdrawConsent', { consentId: consent.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const list = await ok<ConsentView[]>(call(core, 'privacy:consents', { beneficiaryId: b.id }));
    expect(list).toHaveLength(1);
    const trail = await core.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', b.id).orderBy('seq').execute();
    expect(trail.map((e) => `${e.action}:${e.entity}`)).toEqual(['create:beneficiary', 'create:consent', 'update:consent', 'view:privacy:consents']);
  });

  it('refuses ID document copies until an administrator enables them', async () => {
    core = await createTestCore();
    expect(await ok(call(core, 'privacy:settings', {}))).toEqual({ storeIdDocumentCopies: false });
    await expect(assertIdCopiesAllowed(core.db)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'id_copies_disabled' } });
    await ok(call(core, 'privacy:setSettings', { storeIdDocumentCopies: true }));
    await expect(assertIdCopiesAllowed(core.db)).resolves.toBeUndefined();
  });
});

describe('data-subject requests', () => {
  it('tracks the 30-day deadline, extends it once by 30 with a notice', async () => {
    const { clock, advanceDays } = movableClock();
    core = await createTestCore({ clock });
    const b = await newBeneficiary();
    const r = await ok<RequestView>(call(core, 'privacy:createRequest', { beneficiaryId: b.id, kind: 'correction', details: 'تصحيح رقم الجوال' }));
    expect(r).toMatchObject({ status: 'open', dueAt: '2026-03-31T08:00:00.000Z', daysLeft: 30, overdue: false, beneficiaryReference: b.reference });
    const extended = await ok<RequestView>(call(core, 'privacy:extendRequest', { id: r.id, notice: 'أُبلغ المستفيد بالتمديد هاتفياً' }));
    expect(extended.dueAt).toBe('2026-04-30T08:00:00.000Z');
    expect(await call(core, 'privacy:extendRequest', { id: r.id, notice: 'مرة أخرى' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    advanceDays(61);
    await signInAgain();
    const [late] = await ok<RequestView[]>(call(core, 'privacy:requests', { openOnly: true }));
    expect(late).toMatchObject({ overdue: true });
    expect(late!.daysLeft).toBeLessThan(0);
  });

  it('an access request exports everything held about the person as JSON, and logs the export', async () => {
    core = await createTestCore();
    const b = await newBeneficiary();
    await newBeneficiary({ idNumber: '1000000016', mobile: '0561112222', firstName: 'فاطمة', gender: 'female', household: [] });
    await ok(call(core, 'privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'self' }));
    await ok(call(core, 'beneficiaries:get', { id: b.id }));
    const r = await ok<RequestView>(call(core, 'privacy:createRequest', { beneficiaryId: b.id, kind: 'access', details: null }));
    const out = await ok<{ fileName: string; json: string; sections: { table: string; rows: number }[] }>(call(core, 'privacy:exportRequest', { id: r.id }));
    expect(out.fileName).toBe(`access-request-${b.reference}-${new Date().toISOString().slice(0, 10)}.json`);
    const data = JSON.parse(out.json);
    expect(data.beneficiaryId).toBe(b.id);
    expect(data.sections.beneficiaries).toHaveLength(1);
    expect(data.sections.beneficiaries[0].first_name).toBe('أحمد');
    expect(data.sections.household_members).toHaveLength(1);
    expect(data.sections.consents).toHaveLength(1);
    expect(data.sections.data_subject_requests).toHaveLength(1);
    expect(data.sections.audit_log.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'view']));
    // Nothing about the other person.
    expect(out.json).not.toContain('فاطمة');
    const exportEntry = await core.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'export').executeTakeFirstOrThrow();
    expect(exportEntry.entity_id).toBe(b.id);
  });

  it('completing a deletion request anonymises the person, blanks their audit snapshots, and the chain still verifies', async () => {
    core = await createTestCore();
    const b = await newBeneficiary();
    const r = await ok<RequestView>(call(core, 'privacy:createRequest', { beneficiaryId: b.id, kind: 'deletion', details: 'طلب حذف' }));
    await ok(call(core, 'privacy:closeRequest', { id: r.id, status: 'completed', outcome: 'أُتلفت البيانات' }));
    const row = await core.db.selectFrom('beneficiaries').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ first_name: '—', family_name: '—', mobile: '', iban: null, id_number: `anon-${b.id}` });
    expect(row.deleted_at).not.toBeNull();
    expect(await ok<unknown[]>(call(core, 'beneficiaries:search', { query: 'القحطاني' }))).toEqual([]);
    const createEntry = await core.db.selectFrom('audit_log').selectAll().where('entity_id', '=', b.id).where('action', '=', 'create').executeTakeFirstOrThrow();
    expect(createEntry).toMatchObject({ after_json: null, before_json: null });
    expect(createEntry.redacted_at).not.toBeNull();
    expect(JSON.stringify(await core.db.selectFrom('audit_log').selectAll().execute())).not.toContain('القحطاني');
    expect(await ok<AuditVerification>(call(core, 'audit:verify', {}))).toMatchObject({ ok: true });
  });

  it('a manager may track requests but only an administrator may erase', async () => {
    core = await createTestCore();
    const b = await newBeneficiary();
    await ok(call(core, 'users:create', { username: 'manager', displayName: 'المدير', role: 'manager', password: 'Manager-pass-1' }));
    await ok(call(core, 'auth:signIn', { username: 'manager', password: 'Manager-pass-1' }));
    const r = await ok<RequestView>(call(core, 'privacy:createRequest', { beneficiaryId: b.id, kind: 'deletion', details: null }));
    expect(await call(core, 'privacy:closeRequest', { id: r.id, status: 'completed', outcome: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await core.db.selectFrom('beneficiaries').select('first_name').where('id', '=', b.id).executeTakeFirstOrThrow()).first_name).toBe('أحمد');
    expect(await call(core, 'privacy:runPurge', { confirm: 'purge' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('retention purge', () => {
  it('anonymises records past their keep-days, logs counts, holds records with an open request, and is idempotent', async () => {
    const { clock, advanceDays } = movableClock();
    core = await createTestCore({ clock });
    const old = await newBeneficiary();
    const held = await newBeneficiary({ idNumber: '1000000016', mobile: '0561112222', firstName: 'فاطمة', gender: 'female', household: [] });
    await ok(call(core, 'privacy:createRequest', { beneficiaryId: held.id, kind: 'access', details: null }));
    advanceDays(3651);
    await signInAgain();
    const fresh = await newBeneficiary({ idNumber: '1000000024', mobile: '0563334444', firstName: 'سلمان', household: [] });
    const first = await ok<PurgeResult>(call(core, 'privacy:runPurge', { confirm: 'purge' }));
    expect(first.results).toContainEqual({ recordType: 'beneficiary', action: 'anonymise', count: 1 });
    const names = await core.db.selectFrom('beneficiaries').select(['id', 'first_name']).execute();
    expect(Object.fromEntries(names.map((n) => [n.id, n.first_name]))).toEqual({ [old.id]: '—', [held.id]: 'فاطمة', [fresh.id]: 'سلمان' });
    const second = await ok<PurgeResult>(call(core, 'privacy:runPurge', { confirm: 'purge' }));
    expect(second.results.every((r) => r.count === 0)).toBe(true);
    const purges = await core.db.selectFrom('audit_log').select(['entity', 'entity_id']).where('action', '=', 'purge').orderBy('seq').execute();
    expect(purges).toEqual([
      { entity: 'beneficiary', entity_id: old.id },
      { entity: 'retention', entity_id: null },
      { entity: 'retention', entity_id: null },
    ]);
    expect(await ok<AuditVerification>(call(core, 'audit:verify', {}))).toMatchObject({ ok: true });
  });

  it('lets an administrator change a keep-days, within bounds', async () => {
    core = await createTestCore();
    const rules = await ok<{ recordType: string; keepDays: number }[]>(call(core, 'privacy:setRetention', { recordType: 'beneficiary', keepDays: 1825 }));
    expect(rules.find((r) => r.recordType === 'beneficiary')!.keepDays).toBe(1825);
    expect(await call(core, 'privacy:setRetention', { recordType: 'beneficiary', keepDays: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'privacy:setRetention', { recordType: 'nothing', keepDays: 100 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('breach register', () => {
  it('counts the 72 hours from discovery and keeps the notification time', async () => {
    const { clock } = movableClock();
    core = await createTestCore({ clock });
    const b = await ok<BreachView>(
      call(core, 'privacy:recordBreach', { discoveredAt: '2026-02-26T10:00:00+03:00', description: 'فقدان جهاز محمول', dataKinds: 'أسماء وأرقام جوال', affectedCount: 12, measures: null }),
    );
    expect(b).toMatchObject({ notifyDueAt: '2026-03-01T07:00:00.000Z', notificationOverdue: true, status: 'open' });
    const notified = await ok<BreachView>(call(core, 'privacy:updateBreach', { id: b.id, status: 'contained', measures: 'تغيير كلمات المرور', regulatorNotified: true, subjectsNotified: false }));
    expect(notified).toMatchObject({ notificationOverdue: false, regulatorNotifiedAt: '2026-03-01T08:00:00.000Z' });
    expect(await call(core, 'privacy:recordBreach', { discoveredAt: '2027-01-01T00:00:00Z', description: 'x', dataKinds: 'x', affectedCount: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
