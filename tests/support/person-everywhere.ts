/**
 * One person with rows in every domain, made through the router as staff would: the registry
 * record with a household member and consent, a walk-in ticket and interview, a referral and a
 * rating, a support request (checklist, signature, submission, decision, delivery) and its
 * printed receipt, calls (one linked, one only by the same number), letters with an attachment,
 * contacts (one linked, one only by the same number), a volunteer record under the same ID, and
 * access and deletion requests. Used by the access-export and erasure tests.
 */
import type { Core } from '../../main/core/create-core';
import { call, TEST_ADMIN } from './test-core';
import { beneficiaryFixture } from './fixtures';
import { makePdf } from './channel-fixtures';

/** What identifies the person: none of it may survive an erasure anywhere. */
export const PERSON = {
  firstName: 'هيفاء',
  fatherName: 'ضيف الله',
  grandfatherName: 'مطلق',
  familyName: 'الشمراني',
  idNumber: '1000000016',
  mobileLocal: '0559876543',
  mobileStored: '+966559876543',
  guardianName: 'مطلق ضيف الله الشمراني',
  handle: '@haifa_shamrani',
  childName: 'ريم',
} as const;

/** Strings to look for in every text column after an erasure. */
export const PERSON_NEEDLES = [PERSON.firstName, PERSON.familyName, PERSON.idNumber, '559876543', PERSON.handle, PERSON.guardianName, PERSON.childName, 'ضيف الله'];

async function ok<T>(core: Core, channel: string, payload: unknown): Promise<T> {
  const r = await call(core, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export interface PersonRecords {
  beneficiaryId: string;
  reference: string;
  visitId: string;
  requestId: string;
  accessRequestId: string;
  deletionRequestId: string;
  letterId: string;
  attachmentSha: string;
}

export async function createPersonEverywhere(core: Core): Promise<PersonRecords> {
  const go = <T>(channel: string, payload: unknown) => ok<T>(core, channel, payload);
  const b = await go<{ id: string; reference: string }>('beneficiaries:create', {
    data: beneficiaryFixture({
      idNumber: PERSON.idNumber,
      firstName: PERSON.firstName,
      fatherName: PERSON.fatherName,
      grandfatherName: PERSON.grandfatherName,
      familyName: PERSON.familyName,
      gender: 'female',
      mobile: PERSON.mobileLocal,
      household: [{ relation: 'daughter', name: PERSON.childName, birthDate: '2016-03-01' }],
    }),
  });
  await go('privacy:recordConsent', { beneficiaryId: b.id, noticeVersion: 1, givenBy: 'guardian', guardianName: PERSON.guardianName, guardianRelation: 'الأب', guardianIdNumber: '1000000008' });
  await go('beneficiaries:get', { id: b.id });

  // Walk-in: ticket, interview, request with its checklist, signature, submission, decision, delivery.
  const ticket = await go<{ id: string }>('walkIns:takeTicket', { serviceKey: 'support' });
  await go('walkIns:callNext', {});
  let visit = await go<{ id: string; version: number }>('walkIns:openVisit', { ticketId: ticket.id, beneficiaryId: b.id });
  visit = await go('walkIns:saveVisit', {
    id: visit.id,
    version: visit.version,
    data: { purpose: 'new_request', qa: [{ question: 'من يعول الأسرة؟', answer: `${PERSON.firstName} وحدها، جوالها ${PERSON.mobileLocal}` }], notes: `حضرت ${PERSON.firstName} ${PERSON.familyName} مع ابنتها ${PERSON.childName}` },
  });
  type Req = { id: string; version: number; checklist: { id: string }[]; deliveries: unknown[] };
  let request = await go<Req>('requests:createDraft', {
    visitId: visit.id,
    beneficiaryId: b.id,
    data: { supportType: 'food_basket', items: `سلة غذائية لأسرة ${PERSON.familyName}`, justification: `${PERSON.firstName} أرملة بلا دخل` },
  });
  request = await go('requests:verifyItem', { requestId: request.id, itemId: request.checklist[0]!.id, verified: true, documentNumber: PERSON.idNumber, expiryDate: '2031-01-01' });
  request = await go('requests:verifyItem', { requestId: request.id, itemId: request.checklist[1]!.id, verified: true, documentNumber: '7788991', note: `سجل أسرة ${PERSON.familyName}` });
  request = await go('requests:verifyItem', { requestId: request.id, itemId: request.checklist[2]!.id, verified: true });
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  request = await go('requests:sign', { id: request.id, version: request.version, method: 'screen', signaturePng: png });
  request = await go('requests:submit', { id: request.id, version: request.version });
  request = await go('requests:decide', { id: request.id, decision: 'accept', reason: `تستحق ${PERSON.firstName} حسب دليل السياسة` });
  request = await go('requests:deliver', { id: request.id, description: `سلة غذائية سُلّمت إلى ${PERSON.firstName}`, quantity: 1, deliveredOn: core.clock.now().toISOString().slice(0, 10) });
  // The receipt as printed (no printer in a test core: the job row is recorded or refused).
  await call(core, 'printing:print', { kind: 'request-receipt', recordId: request.id });
  const researcher = await researcherId(core);
  await go('walkIns:refer', { visitId: visit.id, researcherId: researcher, reason: `${PERSON.firstName} تحتاج دراسة حالة` });
  await go('walkIns:rate', { visitId: visit.id, rating: 5, comment: `شكراً من ${PERSON.firstName}` });

  // Calls: one linked to the record, one from the same number left unlinked.
  await go('calls:create', { direction: 'incoming', phone: PERSON.mobileLocal, beneficiaryId: b.id, callerName: PERSON.firstName, topic: 'request_status', summary: `تسأل ${PERSON.firstName} عن السلة`, outcome: 'info_given', durationSeconds: 60 });
  await go('calls:create', { direction: 'incoming', phone: PERSON.mobileLocal, callerName: `أم ${PERSON.childName}`, topic: 'appointment', summary: `اتصلت ${PERSON.firstName} لحجز موعد`, outcome: 'answered', durationSeconds: 30 });

  // A letter about her, with a scanned attachment.
  const letter = await go<{ id: string }>('letters:create', {
    kind: 'incoming',
    letterDate: '2026-11-20',
    entity: 'الضمان الاجتماعي',
    subject: `إفادة عن حالة ${PERSON.firstName} ${PERSON.familyName}`,
    summary: `رقم الهوية ${PERSON.idNumber}`,
    beneficiaryId: b.id,
  });
  const attachment = await go<{ sha256: string }>('letters:attach', { letterId: letter.id, fileName: `هوية ${PERSON.familyName}.pdf`, dataBase64: (await makePdf(`Letter about ${PERSON.idNumber}`)).toString('base64') });

  // Contacts: a social-media message linked to her, and a website message from her number only.
  const social = await go<{ id: string }>('contacts:create', { channel: 'social_media', source: 'X', handle: PERSON.handle, personName: PERSON.firstName, summary: `${PERSON.firstName} تطلب مساعدة`, phone: PERSON.mobileLocal });
  await go('contacts:link', { id: social.id, beneficiaryId: b.id });
  await go('contacts:create', { channel: 'website', personName: `${PERSON.firstName} ${PERSON.familyName}`, phone: PERSON.mobileLocal, summary: `استفسار من ${PERSON.firstName}` });

  // She also signed up as a volunteer, under the same ID.
  await go('volunteers:create', { name: `${PERSON.firstName} ${PERSON.familyName}`, idNumber: PERSON.idNumber, phone: PERSON.mobileLocal, skills: ['خياطة'], availability: ['weekends'], status: 'active', notes: `أم ${PERSON.childName}` });

  const access = await go<{ id: string }>('privacy:createRequest', { beneficiaryId: b.id, kind: 'access', details: `طلبت ${PERSON.firstName} نسخة من بياناتها` });
  const deletion = await go<{ id: string }>('privacy:createRequest', { beneficiaryId: b.id, kind: 'deletion', details: `طلبت ${PERSON.firstName} حذف بياناتها` });
  return {
    beneficiaryId: b.id,
    reference: b.reference,
    visitId: visit.id,
    requestId: request.id,
    accessRequestId: access.id,
    deletionRequestId: deletion.id,
    letterId: letter.id,
    attachmentSha: attachment.sha256,
  };
}

/** A social researcher to refer to (a user row, as the users panel would create). */
async function researcherId(core: Core): Promise<string> {
  const s = core.sessions.current();
  if (!s) throw new Error(`not signed in as ${TEST_ADMIN.username}`);
  const id = core.newId();
  const at = core.clock.now().toISOString();
  await core.db
    .insertInto('users')
    .values({ id, username: `researcher-${id.slice(-6)}`, display_name: 'نورة الباحثة', role: 'social_researcher', password_hash: null, active: 1, created_at: at, updated_at: at, created_by: s.user.id, counter_id: s.counter.id, deleted_at: null } as never)
    .execute();
  return id;
}
