/**
 * The access-request export as a PDF, through the router on a real SQLite file: Arabic A4 with the
 * society's header and every section of the person's data (checked with pdftotext), logged as an
 * export; a page is rendered with pdftoppm to tests/artifacts to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestCore } from '../support/test-core';
import { createPersonEverywhere, PERSON, type PersonRecords } from '../support/person-everywhere';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
/** pdftotext marks direction with invisible controls, and puts spaces beside numbers oddly: compare letters. */
const squash = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\s]/g, '');

let core: Awaited<ReturnType<typeof createTestCore>>;
let person: PersonRecords;
beforeAll(async () => {
  core = await createTestCore();
  person = await createPersonEverywhere(core);
}, 60_000);
afterAll(async () => {
  await core?.dispose();
});

describe('access request export as PDF', () => {
  it('prints every section of the person’s data in Arabic with the society’s header, and logs the export', async () => {
    const r = await call(core, 'privacy:exportRequestPdf', { id: person.accessRequestId });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const out = r.value as { fileName: string; mime: string; base64: string; sections: { table: string; rows: number }[] };
    expect(out.fileName).toBe(`access-request-${person.reference}-${new Date().toISOString().slice(0, 10)}.pdf`);
    expect(out.mime).toBe('application/pdf');
    const file = join(core.dir, out.fileName);
    const bytes = Buffer.from(out.base64, 'base64');
    writeFileSync(file, bytes);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/Lang (ar)');

    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
    const expectText = (s: string) => expect(text).toContain(squash(s));
    expectText('جمعية خزام التعاونية متعددة الأغراض');
    expectText('ترخيص رقم 334');
    expectText('بيانات صاحب البيانات الشخصية — طلب اطلاع');
    expectText(`${PERSON.firstName} ${PERSON.fatherName}`);
    expectText(PERSON.idNumber);
    expectText(person.reference);
    // Every section of the JSON export has its heading and its rows' contents on paper.
    const sections = Object.fromEntries(out.sections.map((s) => [s.table, s.rows]));
    for (const table of ['beneficiaries', 'household_members', 'consents', 'data_subject_requests', 'visits', 'referrals', 'satisfaction_ratings', 'support_requests', 'request_checklist_items', 'request_decisions', 'service_deliveries', 'calls', 'letters', 'attachments', 'contacts', 'volunteers', 'audit_log']) {
      expect(sections[table], table).toBeGreaterThan(0);
    }
    // Rows found by her numbers and ID as well as by the link: the call and message nobody linked, her volunteer record.
    expect(sections).toMatchObject({ calls: 2, contacts: 2, volunteers: 1, request_checklist_items: 3 });
    for (const heading of ['بيانات المستفيد في السجل', 'أفراد الأسرة', 'الموافقة على إشعار الخصوصية', 'طلبات صاحب البيانات', 'المقابلات', 'الإحالات إلى البحث الاجتماعي', 'تقييمات الرضا', 'طلبات الدعم', 'المستندات التي تحقق منها', 'قرارات لجنة البحث', 'الخدمات المسلمة', 'المكالمات الهاتفية', 'الخطابات الصادرة والواردة', 'مرفقات الخطابات', 'التواصل عبر القنوات الأخرى', 'التطوع', 'سجل التدقيق']) {
      expectText(heading);
    }
    expectText(PERSON.childName);
    expectText(PERSON.guardianName);
    expectText(`تسأل ${PERSON.firstName} عن السلة`);
    expectText(`إفادة عن حالة ${PERSON.firstName} ${PERSON.familyName}`);
    expectText(PERSON.handle);
    expectText(`${PERSON.firstName} أرملة بلا دخل`);
    expectText('صورة توقيع محفوظة');
    expectText(`اتصلت ${PERSON.firstName} لحجز موعد`);
    expectText(`استفسار من ${PERSON.firstName}`);
    expectText(`هوية ${PERSON.familyName}`);
    expectText('اطلاع');

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString('utf8'))![1]);
    expect(pages).toBeGreaterThan(1);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, 'privacy-access-export-page1')]);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', '-singlefile', file, join(ARTIFACTS, 'privacy-access-export-page2')]);

    const entry = await core.db.selectFrom('audit_log').select(['entity_id', 'after_json']).where('action', '=', 'export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(person.beneficiaryId);
    expect(JSON.parse(entry.after_json!)).toMatchObject({ requestId: person.accessRequestId, format: 'pdf' });
  });

  it('refuses a PDF export for a request that is not an access request', async () => {
    const r = await call(core, 'privacy:exportRequestPdf', { id: person.deletionRequestId });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
