/** Other-channel contacts (prefill for interviews and requests) and the volunteers registry, through the router. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, call, ok } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { actorOf } from '../support/channel-fixtures';
import type { ContactView } from '../../shared/contacts/schemas';
import type { VolunteerView } from '../../shared/volunteers/schemas';

let c: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
beforeAll(async () => {
  c = await createTestCore();
  beneficiaryId = (await c.beneficiaries.create(actorOf(c), beneficiaryInput.parse(beneficiaryFixture()), [])).id;
  await recordConsent(c, beneficiaryId);
});
afterAll(async () => {
  await c?.dispose();
});

describe('contacts through other channels', () => {
  it('records a social media message with a reference, links it and gives a prefill for an interview', async () => {
    const contact = await ok<ContactView>(call(c, 'contacts:create', { channel: 'social_media', source: 'X', handle: '@umm_salem', summary: 'تطلب مساعدة في سداد الإيجار', phone: '٠٥٠٠٠٠٠٠٠١' }));
    expect(contact.reference).toMatch(/^C-\d{4}-K01-000001$/);
    expect(contact.phone).toBe('+966500000001');
    expect(contact.status).toBe('new');
    const linked = await ok<ContactView>(call(c, 'contacts:link', { id: contact.id, beneficiaryId }));
    expect(linked.beneficiaryName).toBe('أحمد محمد عبد الله القحطاني');
    const prefill = await ok<Record<string, unknown>>(call(c, 'contacts:prefill', { id: contact.id }));
    expect(prefill).toMatchObject({ contactId: contact.id, beneficiaryId, summary: 'تطلب مساعدة في سداد الإيجار', channel: 'social_media', personName: 'أحمد محمد عبد الله القحطاني' });
    const target = '0190a0a0-0000-7000-8000-0000000000aa';
    const converted = await ok<ContactView>(call(c, 'contacts:markConverted', { id: contact.id, kind: 'request', targetId: target }));
    expect(converted).toMatchObject({ status: 'converted', convertedKind: 'request', convertedId: target });
  });

  it('filters by channel and status, and refuses a contact without a summary', async () => {
    await ok(call(c, 'contacts:create', { channel: 'website', summary: 'استفسار عن شروط التسجيل' }));
    const web = await ok<ContactView[]>(call(c, 'contacts:list', { channel: 'website' }));
    expect(web.map((x) => x.summary)).toEqual(['استفسار عن شروط التسجيل']);
    const fresh = await ok<ContactView[]>(call(c, 'contacts:list', { status: 'new' }));
    expect(fresh).toHaveLength(1);
    const bad = await call(c, 'contacts:create', { channel: 'website', summary: '  ' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]).toMatchObject({ path: 'summary' });
  });
});

describe('volunteers registry', () => {
  it('registers a volunteer from a sign-up contact, checks the ID and refuses a second record for it', async () => {
    const signup = await ok<ContactView>(call(c, 'contacts:create', { channel: 'volunteer_signup', personName: 'سارة العتيبي', summary: 'ترغب في التطوع في توزيع السلال' }));
    const badId = await call(c, 'volunteers:create', { name: 'سارة العتيبي', idNumber: '1000000009', phone: '0500000002', status: 'applicant' });
    expect(badId.ok).toBe(false);
    if (!badId.ok) expect(badId.error.fields?.[0]?.message.ar).toContain('خانة التحقق');
    const v = await ok<VolunteerView>(
      call(c, 'volunteers:create', {
        name: 'سارة العتيبي',
        idNumber: '١٠٠٠٠٠٠٠٠٨',
        phone: '٠٥٠٠٠٠٠٠٠٢',
        skills: ['توزيع', 'تصوير'],
        availability: ['weekends', 'ramadan'],
        status: 'applicant',
        contactId: signup.id,
      }),
    );
    expect(v).toMatchObject({ idNumber: '1000000008', phone: '+966500000002', skills: ['توزيع', 'تصوير'], availability: ['weekends', 'ramadan'] });
    expect(v.reference).toMatch(/^V-\d{4}-K01-000001$/);
    const contact = (await ok<ContactView[]>(call(c, 'contacts:list', { channel: 'volunteer_signup' })))[0]!;
    expect(contact).toMatchObject({ status: 'converted', convertedKind: 'volunteer', convertedId: v.id });

    const dup = await call(c, 'volunteers:create', { name: 'أخرى', idNumber: '1000000008', phone: '0500000003', status: 'active' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.code).toBe('DUPLICATE');

    const active = await ok<VolunteerView>(call(c, 'volunteers:update', { id: v.id, version: v.version, data: { name: v.name, idNumber: v.idNumber, phone: v.phone, skills: v.skills, availability: v.availability, status: 'active' } }));
    expect(active.status).toBe('active');
    const stale = await call(c, 'volunteers:update', { id: v.id, version: v.version, data: { name: 'x', idNumber: v.idNumber, phone: v.phone, status: 'inactive' } });
    expect(stale.ok).toBe(false);
    expect((await ok<VolunteerView[]>(call(c, 'volunteers:list', { query: 'تصوير' }))).map((x) => x.id)).toEqual([v.id]);
    expect(await ok<VolunteerView[]>(call(c, 'volunteers:list', { query: '', status: 'inactive' }))).toEqual([]);
  });
});

describe('turning a contact into an interview or a support request', () => {
  it('prefills the walk-in visit and the request draft from the contact, and records the conversion', async () => {
    const contact = await ok<ContactView>(call(c, 'contacts:create', { channel: 'help_service', source: 'إحسان', summary: 'طلب سداد فاتورة الكهرباء المتأخرة', beneficiaryId }));
    const p = await ok<{ beneficiaryId: string; summary: string; contactReference: string }>(call(c, 'contacts:prefill', { id: contact.id }));
    // The same calls the contacts screen makes: nothing retyped, everything from the prefill.
    const request = await ok<{ id: string; beneficiaryId: string; justification: string }>(
      call(c, 'requests:createDraft', { beneficiaryId: p.beneficiaryId, data: { supportType: 'utility_bills', amount: '٤٥٠', justification: `${p.summary}\n(${p.contactReference})` } }),
    );
    expect(request.justification).toContain('طلب سداد فاتورة الكهرباء المتأخرة');
    const converted = await ok<ContactView>(call(c, 'contacts:markConverted', { id: contact.id, kind: 'request', targetId: request.id }));
    expect(converted).toMatchObject({ status: 'converted', convertedKind: 'request', convertedId: request.id });

    const other = await ok<ContactView>(call(c, 'contacts:create', { channel: 'social_media', summary: 'يطلب موعداً للمقابلة', beneficiaryId }));
    const visit = await ok<{ id: string }>(call(c, 'walkIns:openVisit', { beneficiaryId, purpose: 'inquiry' }));
    const asInterview = await ok<ContactView>(call(c, 'contacts:markConverted', { id: other.id, kind: 'interview', targetId: visit.id }));
    expect(asInterview.convertedKind).toBe('interview');
  });
});
