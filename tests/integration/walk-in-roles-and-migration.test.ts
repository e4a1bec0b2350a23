/**
 * Migration 0005 and the counter's permissions: defaults seeded once and left alone when edited,
 * one ticket number per counter/day/service, the declaration versioned on every save; only the
 * committee decides, only researchers answer referrals, only managers edit the configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { call, createTestCore } from '../support/test-core';
import { createCore } from '../../main/core/create-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { RequestView } from '../../shared/requests/schemas';

let core: Awaited<ReturnType<typeof createTestCore>>;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

function asRole(role: 'receptionist' | 'committee_member' | 'social_researcher' | 'administrator') {
  const s = core.sessions.current()!;
  core.sessions.set({ ...s, user: { ...s.user, role } });
}

beforeAll(async () => {
  core = await createTestCore();
});
afterAll(async () => {
  await core?.dispose();
});

describe('migration 0005 and seeded defaults', () => {
  it('seeds services, support types with checklists and declaration v1, and keeps an admin’s edits on restart', async () => {
    expect((await ok<unknown[]>('walkIns:services', {})).length).toBe(3);
    const types = await ok<{ key: string; checklist: unknown[] }[]>('requests:types', {});
    expect(types.map((t) => t.key)).toEqual(['financial', 'food_basket', 'rent', 'utility_bills', 'medical', 'education', 'in_kind', 'other']);
    expect(types.every((t) => t.checklist.length >= 1)).toBe(true);

    const bad = await call(core, 'requests:saveType', { key: 'other', nameAr: 'أخرى', nameEn: 'Other', checklist: [{ key: 'x', labelAr: 'أ', labelEn: 'a' }, { key: 'x', labelAr: 'ب', labelEn: 'b' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]?.message.ar).toBe('مفتاح البند مكرر في القائمة.');
    await ok('requests:saveType', { key: 'other', nameAr: 'دعم آخر', nameEn: 'Other support', checklist: [{ key: 'national_id', labelAr: 'الهوية', labelEn: 'ID', needsNumber: true, needsExpiry: true, identity: true }] });

    const noName = await call(core, 'requests:saveDeclaration', { textAr: 'أقر بصحة البيانات' });
    expect(noName.ok).toBe(false);
    if (!noName.ok) expect(noName.error.fields?.[0]?.message.ar).toBe('نص الإقرار يجب أن يحتوي على {{name}} و{{idNumber}}.');
    const v2 = await ok<{ version: number }>('requests:saveDeclaration', { textAr: 'أقر أنا {{name}} صاحب الهوية {{idNumber}} بصحة البيانات.' });
    expect(v2.version).toBe(2);

    // A second start of the app over the same file changes nothing an administrator set.
    const again = await createCore({ databaseFile: join(core.dir, 'istiqbal.sqlite') });
    await again.close();
    const other = (await ok<{ key: string; nameAr: string }[]>('requests:types', {})).find((t) => t.key === 'other');
    expect(other?.nameAr).toBe('دعم آخر');
    expect((await ok<unknown[]>('requests:declarationHistory', {})).length).toBe(2);
  });

  it('refuses a second ticket row with the same number for the same counter, day and service', async () => {
    const t = await ok<{ id: string; day: string }>('walkIns:takeTicket', { serviceKey: 'documents' });
    const row = await core.db.selectFrom('queue_tickets').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    await expect(core.db.insertInto('queue_tickets').values({ ...row, id: core.newId() }).execute()).rejects.toThrow(/UNIQUE/);
  });
});

describe('who may do what', () => {
  it('lets only the committee decide, only researchers answer referrals, only managers configure', async () => {
    const s = core.sessions.current()!;
    const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
    const b = await core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), []);
    await recordConsent(core, b.id);
    let r = await ok<RequestView>('requests:createDraft', { beneficiaryId: b.id, data: { supportType: 'other', amount: '300', justification: 'حاجة' } });
    r = await ok('requests:verifyItem', { requestId: r.id, itemId: r.checklist[0]!.id, verified: true, documentNumber: '1000000008', expiryDate: '2031-01-01' });
    r = await ok('requests:sign', { id: r.id, version: r.version, method: 'paper' });

    asRole('receptionist');
    r = await ok('requests:submit', { id: r.id, version: r.version });
    const decide = await call(core, 'requests:decide', { id: r.id, decision: 'accept', reason: 'مستحق' });
    expect(decide.ok).toBe(false);
    if (!decide.ok) expect(decide.error.code).toBe('FORBIDDEN');
    expect((await call(core, 'requests:saveDeclaration', { textAr: '{{name}} {{idNumber}}' })).ok).toBe(false);
    const visit = await ok<{ id: string }>('walkIns:openVisit', { beneficiaryId: b.id });
    const referral = await ok<{ id: string }>('walkIns:refer', { visitId: visit.id, researcherId: s.user.id, reason: 'استفسار عن الشروط' });
    expect((await call(core, 'walkIns:answerReferral', { id: referral.id, answer: 'تم' })).ok).toBe(false);

    asRole('committee_member');
    expect((await ok<RequestView>('requests:decide', { id: r.id, decision: 'reject', reason: 'لا تنطبق الشروط' })).status).toBe('rejected');
    const deliver = await call(core, 'requests:deliver', { id: r.id, description: 'x', amount: 1, deliveredOn: '2026-12-01' });
    expect(deliver.ok).toBe(false);

    asRole('social_researcher');
    expect((await ok<{ status: string }>('walkIns:answerReferral', { id: referral.id, answer: 'شُرحت الشروط' })).status).toBe('closed');
    asRole('administrator');
    const deliverRejected = await call(core, 'requests:deliver', { id: r.id, description: 'x', amount: 1, deliveredOn: '2026-12-01' });
    expect(deliverRejected.ok).toBe(false);
    if (!deliverRejected.ok) expect(deliverRejected.error.message.ar).toBe('لا يمكن تسجيل تقديم الخدمة وحالته «مرفوض».');
    expect((await ok<RequestView>('requests:close', { id: r.id })).status).toBe('closed');
  });
});
