/**
 * The walk-in counter through the router on a real SQLite file: ticket, interview, checklist with
 * an expired document refused, signed declaration, submission with a reference and the earliest
 * decision date, a change that voids the seal, the committee's decision, delivery, closing,
 * referral to a researcher and a satisfaction rating. Every transition is in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestCore, TEST_ADMIN } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { RequestView } from '../../shared/requests/schemas';
import type { TicketView, VisitView } from '../../shared/walk-ins/schemas';

let now = new Date('2026-11-29T06:30:00Z');
const clock = { now: () => now };
let core: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Moving the clock by days ends an idle session; sign in again as staff would. */
async function advance(ms: number) {
  now = new Date(now.getTime() + ms);
  await call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
}

beforeAll(async () => {
  core = await createTestCore({ clock });
  const s = core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  beneficiaryId = (await core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), [])).id;
  await recordConsent(core, beneficiaryId);
});
afterAll(async () => {
  await core?.dispose();
});

describe('walk-in counter through the router', () => {
  let ticket: TicketView;
  let visit: VisitView;
  let request: RequestView;

  it('numbers tickets per service and day, calls the next one and opens the interview from it', async () => {
    ticket = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'support' });
    const second = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'support' });
    const other = await ok<TicketView>('walkIns:takeTicket', { serviceKey: 'inquiry' });
    expect([ticket.label, second.label, other.label]).toEqual(['A-001', 'A-002', 'B-001']);
    expect(second.waitingAhead).toBe(1);

    now = new Date(now.getTime() + 4 * 60_000);
    const called = await ok<TicketView>('walkIns:callNext', {});
    expect(called.id).toBe(ticket.id);
    expect(called.status).toBe('called');
    visit = await ok<VisitView>('walkIns:openVisit', { ticketId: ticket.id, beneficiaryId });
    expect(visit.purpose).toBe('new_request');
    expect(visit.ticketLabel).toBe('A-001');

    const noShow = await ok<TicketView>('walkIns:noShow', { ticketId: other.id });
    expect(noShow.status).toBe('no_show');
    const again = await call(core, 'walkIns:noShow', { ticketId: other.id });
    expect(again.ok).toBe(false);
  });

  it('records the questions and answers of the interview', async () => {
    visit = await ok<VisitView>('walkIns:saveVisit', {
      id: visit.id,
      version: visit.version,
      data: { purpose: 'new_request', qa: [{ question: 'متى تصل السلة؟', answer: 'بعد قرار لجنة البحث' }] },
    });
    expect(visit.qa).toHaveLength(1);
    const bad = await call(core, 'walkIns:saveVisit', { id: visit.id, version: visit.version, data: { purpose: 'x', qa: [] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]?.message.ar).toBe('القيمة غير صحيحة.');
  });

  it('refuses a request that asks for nothing, then drafts one with the type’s checklist', async () => {
    const empty = await call(core, 'requests:createDraft', { visitId: visit.id, beneficiaryId, data: { supportType: 'food_basket', justification: 'x' } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.fields?.[0]?.message.ar).toBe('اكتب المبلغ المطلوب أو الأصناف المطلوبة.');
    request = await ok<RequestView>('requests:createDraft', {
      visitId: visit.id,
      beneficiaryId,
      data: { supportType: 'food_basket', items: 'سلة غذائية شهرية', justification: 'الأسرة بلا دخل ثابت' },
    });
    expect(request.status).toBe('draft');
    expect(request.checklist.map((c) => c.key)).toEqual(['national_id', 'family_record', 'income_proof']);
    expect(request.checklistComplete).toBe(false);
  });

  it('cannot be signed or submitted before the checklist is verified', async () => {
    const sub = await call(core, 'requests:submit', { id: request.id, version: request.version });
    expect(sub.ok).toBe(false);
    if (!sub.ok) expect(sub.error.message.ar).toBe('لا يمكن رفع الطلب: لم يُتحقق من كل المستندات المطلوبة.');
    const sign = await call(core, 'requests:sign', { id: request.id, version: request.version, method: 'paper' });
    expect(sign.ok).toBe(false);
  });

  it('refuses an expired document and a missing number; accepts valid ones', async () => {
    const id = request.checklist[0]!;
    const expired = await call(core, 'requests:verifyItem', { requestId: request.id, itemId: id.id, verified: true, documentNumber: '1000000008', expiryDate: '2026-11-28' });
    expect(expired.ok).toBe(false);
    if (!expired.ok) {
      expect(expired.error.fields?.[0]).toEqual({ path: 'expiryDate', message: expect.objectContaining({ ar: 'الوثيقة منتهية الصلاحية؛ لا يمكن اعتمادها. اطلب وثيقة سارية.' }) });
    }
    const noNumber = await call(core, 'requests:verifyItem', { requestId: request.id, itemId: id.id, verified: true, expiryDate: '2030-01-01' });
    expect(noNumber.ok).toBe(false);
    request = await ok('requests:verifyItem', { requestId: request.id, itemId: id.id, verified: true, documentNumber: '١٠٠٠٠٠٠٠٠٨', expiryDate: '٢٠٣٠-٠١-٠١' });
    expect(request.checklist[0]).toMatchObject({ verified: true, documentNumber: '١٠٠٠٠٠٠٠٠٨', expiryDate: '2030-01-01', identity: true });
    request = await ok('requests:verifyItem', { requestId: request.id, itemId: request.checklist[1]!.id, verified: true, documentNumber: '556677' });
    request = await ok('requests:verifyItem', { requestId: request.id, itemId: request.checklist[2]!.id, verified: true });
    expect(request.checklistComplete).toBe(true);
  });

  it('seals the declaration, filled with the applicant’s data, then submits with a reference and the earliest decision date', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    request = await ok('requests:sign', { id: request.id, version: request.version, method: 'screen', signaturePng: png });
    expect(request.seal).toMatchObject({ method: 'screen', declarationVersion: 1, valid: true });
    expect(request.seal!.declarationText).toContain('أقر أنا أحمد محمد عبد الله القحطاني، رقم الهوية 1000000008');
    expect(request.seal!.hash).toMatch(/^[0-9a-f]{64}$/);

    request = await ok('requests:submit', { id: request.id, version: request.version });
    expect(request.status).toBe('submitted');
    expect(request.reference).toMatch(/^R-1448-K01-000001$/);
    expect(request.earliestDecisionAt).toBe('2026-12-13T06:34:00.000Z');
    const again = await call(core, 'requests:submit', { id: request.id, version: request.version });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message.ar).toBe('لا يمكن رفع الطلب للجنة وحالته «مرفوع للجنة البحث».');
  });

  it('voids the seal visibly when the stored request is changed behind it', async () => {
    await core.db.updateTable('support_requests').set({ items: 'سلتان' }).where('id', '=', request.id).execute();
    const tampered = await ok<RequestView>('requests:get', { id: request.id });
    expect(tampered.seal!.valid).toBe(false);
    await core.db.updateTable('support_requests').set({ items: 'سلة غذائية شهرية' }).where('id', '=', request.id).execute();
    expect((await ok<RequestView>('requests:get', { id: request.id })).seal!.valid).toBe(true);
  });

  it('shows the committee an SLA clock; more information voids the seal after an edit and needs a new signature', async () => {
    await advance(3 * 24 * 3600_000);
    const pending = await ok<{ id: string; daysSinceSubmission: number }[]>('requests:list', { statuses: ['submitted'] });
    expect(pending).toEqual([expect.objectContaining({ id: request.id, daysSinceSubmission: 3 })]);

    const noReason = await call(core, 'requests:decide', { id: request.id, decision: 'accept', reason: ' ' });
    expect(noReason.ok).toBe(false);
    request = await ok('requests:decide', { id: request.id, decision: 'request_info', reason: 'أرفق مشهد الضمان الاجتماعي' });
    expect(request.status).toBe('more_info_needed');
    request = await ok('requests:updateDraft', { id: request.id, version: request.version, data: { supportType: 'food_basket', items: 'سلة غذائية شهرية', justification: 'الأسرة بلا دخل ثابت، وأرفق المشهد' } });
    expect(request.seal!.valid).toBe(false);
    const sub = await call(core, 'requests:submit', { id: request.id, version: request.version });
    expect(sub.ok).toBe(false);
    if (!sub.ok) expect(sub.error.message.ar).toContain('أصبح الإقرار لاغياً');
    request = await ok('requests:sign', { id: request.id, version: request.version, method: 'paper' });
    request = await ok('requests:submit', { id: request.id, version: request.version });
    expect(request.reference).toBe('R-1448-K01-000001');
  });

  it('refuses delivery before acceptance, then accepts, delivers with a receipt number and closes', async () => {
    const early = await call(core, 'requests:deliver', { id: request.id, description: 'سلة', quantity: 1, deliveredOn: '2026-12-20' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message.ar).toBe('لا يمكن تسجيل تقديم الخدمة وحالته «مرفوع للجنة البحث».');
    request = await ok('requests:decide', { id: request.id, decision: 'accept', reason: 'مستحق حسب دليل سياسة الدعم' });
    const nothing = await call(core, 'requests:deliver', { id: request.id, description: 'سلة', deliveredOn: '2026-12-20' });
    expect(nothing.ok).toBe(false);
    request = await ok('requests:deliver', { id: request.id, description: 'سلة غذائية', quantity: '١', deliveredOn: '20/12/2026' });
    expect(request.status).toBe('delivered');
    expect(request.deliveries[0]).toMatchObject({ quantity: 1, deliveredOn: '2026-12-20', reference: expect.stringMatching(/^D-1448-K01-/) });
    request = await ok('requests:close', { id: request.id });
    expect(request.status).toBe('closed');
    expect(request.decisions.map((d) => d.decision)).toEqual(['request_info', 'accept']);

    const audited = await core.db.selectFrom('audit_log').select(['action', 'entity']).where('entity_id', '=', request.id).where('action', '!=', 'view').execute();
    // create, 3 verifications, sign, submit, decide, edit, sign, submit, decide, deliver, close
    expect(audited.length).toBe(13);
  });

  it('refers to a researcher, who answers and closes the referral; rates the visit once', async () => {
    const researcherId = core.newId();
    const s = core.sessions.current()!;
    const at = now.toISOString();
    await core.db
      .insertInto('users')
      .values({ id: researcherId, username: 'researcher', display_name: 'نورة الباحثة', role: 'social_researcher', password_hash: null, active: 1, created_at: at, updated_at: at, created_by: s.user.id, counter_id: s.counter.id, deleted_at: null } as never)
      .execute();
    const researchers = await ok<{ id: string }[]>('walkIns:researchers', {});
    expect(researchers[0]!.id).toBe(researcherId);
    const noReason = await call(core, 'walkIns:refer', { visitId: visit.id, researcherId, reason: '' });
    expect(noReason.ok).toBe(false);
    const referral = await ok<{ id: string; status: string }>('walkIns:refer', { visitId: visit.id, researcherId, reason: 'الإجراءات غير واضحة للمستفيد' });
    expect((await ok<unknown[]>('walkIns:referrals', { status: 'open' })).length).toBe(1);
    const answered = await ok<{ status: string; answer: string }>('walkIns:answerReferral', { id: referral.id, answer: 'شُرحت شروط الدعم' });
    expect(answered).toMatchObject({ status: 'closed', answer: 'شُرحت شروط الدعم' });
    expect((await ok<unknown[]>('walkIns:referrals', { status: 'open' })).length).toBe(0);

    const bad = await call(core, 'walkIns:rate', { visitId: visit.id, rating: 7 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]?.message.ar).toBe('اختر تقييماً من 1 إلى 5.');
    await ok('walkIns:rate', { visitId: visit.id, rating: 5, comment: 'خدمة سريعة' });
    expect((await call(core, 'walkIns:rate', { visitId: visit.id, rating: 4 })).ok).toBe(false);
    const ended = await ok<VisitView>('walkIns:endVisit', { id: visit.id });
    expect(ended.rating).toBe(5);
    const timeline = await ok<{ items: { kind: string; title: { ar: string } }[] }>('timeline:forBeneficiary', { beneficiaryId });
    const kinds = timeline.items.map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['interview', 'request', 'decision', 'receipt']));
    expect(timeline.items.find((i) => i.kind === 'decision')!.title.ar).toBe('قرار لجنة البحث: قبول الطلب');
  });
});
