/**
 * The counter's starting configuration: the queue's services, the support types with their
 * required-document checklists, and the first version of the declaration. Idempotent: run at
 * every start, it never overwrites what an administrator changed.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { ChecklistItemDef, SupportType } from '../../shared/requests/schemas';
import { DEFAULT_DECLARATION_AR } from '../../shared/requests/declaration';

export const DEFAULT_QUEUE_SERVICES = [
  { key: 'support', prefix: 'A', name_ar: 'طلب دعم مستفيد', name_en: 'Support request', default_purpose: 'new_request' },
  { key: 'inquiry', prefix: 'B', name_ar: 'استفسار ومتابعة طلب', name_en: 'Inquiry and follow-up', default_purpose: 'inquiry' },
  { key: 'documents', prefix: 'C', name_ar: 'تسليم مستندات', name_en: 'Document delivery', default_purpose: 'document_delivery' },
] as const;

const ID: ChecklistItemDef = {
  key: 'national_id',
  labelAr: 'الهوية الوطنية أو الإقامة لمقدم الطلب',
  labelEn: "Applicant's national ID or Iqama",
  needsNumber: true,
  needsExpiry: true,
  identity: true,
};
const FAMILY: ChecklistItemDef = {
  key: 'family_record',
  labelAr: 'سجل الأسرة أو صك الإعالة',
  labelEn: 'Family record or dependency deed',
  needsNumber: true,
  needsExpiry: false,
  identity: true,
};
const INCOME: ChecklistItemDef = {
  key: 'income_proof',
  labelAr: 'ما يثبت الدخل (تعريف بالراتب أو مشهد الضمان الاجتماعي)',
  labelEn: 'Proof of income (salary letter or social-security statement)',
  needsNumber: false,
  needsExpiry: false,
  identity: false,
};
const doc = (key: string, labelAr: string, labelEn: string, needsExpiry = false): ChecklistItemDef => ({
  key,
  labelAr,
  labelEn,
  needsNumber: true,
  needsExpiry,
  identity: false,
});

export const DEFAULT_SUPPORT_TYPES: { key: SupportType; name_ar: string; name_en: string; checklist: ChecklistItemDef[] }[] = [
  { key: 'financial', name_ar: 'دعم مالي', name_en: 'Financial support', checklist: [ID, FAMILY, INCOME, doc('iban_certificate', 'شهادة الآيبان باسم المستفيد', 'IBAN certificate in the beneficiary’s name')] },
  { key: 'food_basket', name_ar: 'سلة غذائية', name_en: 'Food basket', checklist: [ID, FAMILY, INCOME] },
  { key: 'rent', name_ar: 'سداد إيجار', name_en: 'Rent', checklist: [ID, FAMILY, INCOME, doc('lease', 'عقد الإيجار الموثق (إيجار)', 'Registered lease contract (Ejar)', true)] },
  { key: 'utility_bills', name_ar: 'سداد فواتير (كهرباء وماء)', name_en: 'Utility bills', checklist: [ID, INCOME, doc('bill', 'الفاتورة المطلوب سدادها', 'The bill to be paid')] },
  { key: 'medical', name_ar: 'دعم علاجي', name_en: 'Medical', checklist: [ID, INCOME, doc('medical_report', 'تقرير طبي حديث', 'Recent medical report')] },
  { key: 'education', name_ar: 'دعم تعليمي', name_en: 'Education', checklist: [ID, FAMILY, doc('enrolment', 'إثبات القيد الدراسي', 'Proof of enrolment')] },
  { key: 'in_kind', name_ar: 'دعم عيني', name_en: 'In-kind support', checklist: [ID, FAMILY, INCOME] },
  { key: 'other', name_ar: 'أخرى', name_en: 'Other', checklist: [ID] },
];

export async function seedCounterDefaults(db: Db, clock: Clock, newId: IdGenerator, who: { userId: string; counterId: string }): Promise<void> {
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('queue_services')
      .values(DEFAULT_QUEUE_SERVICES.map((s, i) => ({ ...s, sort_order: i, active: 1 })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await trx
      .insertInto('support_types')
      .values(
        DEFAULT_SUPPORT_TYPES.map((t, i) => ({
          key: t.key,
          name_ar: t.name_ar,
          name_en: t.name_en,
          checklist_json: JSON.stringify(t.checklist),
          sort_order: i,
          active: 1,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const any = await trx.selectFrom('declaration_versions').select('id').limit(1).executeTakeFirst();
    if (!any) {
      await trx
        .insertInto('declaration_versions')
        .values({ id: newId(), version: 1, text_ar: DEFAULT_DECLARATION_AR, created_at: at, updated_at: at, created_by: who.userId, counter_id: who.counterId, deleted_at: null })
        .execute();
    }
  });
}
