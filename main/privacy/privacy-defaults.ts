/**
 * What a fresh database starts with: privacy notice version 1 and a retention schedule. Both
 * are the society's to change (a new notice version; retention days per record type).
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';

export const DEFAULT_NOTICE = {
  bodyAr: [
    'إشعار الخصوصية — جمعية خزام التعاونية متعددة الأغراض (ترخيص ٣٣٤)',
    'الغرض: نجمع بياناتك (الهوية، التواصل، الأسرة، الدخل) لدراسة طلبك وتقديم خدمات الجمعية لك والتواصل معك بشأنها.',
    'الأساس النظامي: موافقتك، وتنفيذ الخدمة التي تطلبها، والتزامات الجمعية النظامية.',
    'حقوقك وفق نظام حماية البيانات الشخصية: أن تُبلَّغ، وأن تطّلع على بياناتك وتحصل على نسخة منها، وأن تطلب تصحيحها أو إتلافها، وأن تسحب موافقتك في أي وقت. نرد على طلبك خلال ٣٠ يوماً.',
    'لا نحتفظ بصور وثائق الهوية؛ نسجل بياناتها فقط. نحتفظ ببياناتك مدة الحاجة إليها ثم نتلفها أو نخفي هويتك.',
  ].join('\n'),
  bodyEn: [
    'Privacy notice — Khuzam Multi-purpose Cooperative Society (licence 334)',
    'Purpose: we collect your data (identity, contact, family, income) to study your request, provide the society’s services to you and contact you about them.',
    'Legal basis: your consent, performing the service you ask for, and the society’s legal obligations.',
    'Your rights under the Personal Data Protection Law: to be informed, to access your data and obtain a copy, to ask for correction or destruction, and to withdraw consent at any time. We answer within 30 days.',
    'We do not keep copies of identity documents; we record their details only. We keep your data while it is needed, then destroy it or anonymise it.',
  ].join('\n'),
};

/** Record types with a retention rule; the purge knows how to handle each (retention-purge.ts). */
export const DEFAULT_RETENTION = [
  { record_type: 'beneficiary', keep_days: 3650, action: 'anonymise', basis: 'عشر سنوات بعد آخر تعامل (السجلات المالية والخيرية) / 10 years after the last dealing' },
  { record_type: 'audit_snapshot', keep_days: 3650, action: 'anonymise', basis: 'تفاصيل قيود التدقيق تُخفى بعد عشر سنوات، وتبقى البصمة / audit details blanked after 10 years; the hash chain stays' },
  { record_type: 'data_subject_request', keep_days: 1095, action: 'anonymise', basis: 'ثلاث سنوات بعد الإغلاق لإثبات الرد / 3 years after closing, as proof of the answer' },
  { record_type: 'withdrawn_consent', keep_days: 1095, action: 'delete', basis: 'ثلاث سنوات بعد السحب / 3 years after withdrawal' },
] as const;

export async function ensurePrivacyDefaults(db: Db, clock: Clock, newId: IdGenerator, counterId: string, adminId: string): Promise<void> {
  const at = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const notice = await trx.selectFrom('privacy_notices').select('id').limit(1).executeTakeFirst();
    if (!notice) {
      await trx
        .insertInto('privacy_notices')
        .values({ id: newId(), version: 1, body_ar: DEFAULT_NOTICE.bodyAr, body_en: DEFAULT_NOTICE.bodyEn, created_at: at, updated_at: at, created_by: adminId, counter_id: counterId, deleted_at: null })
        .execute();
    }
    await trx
      .insertInto('retention_rules')
      .values(DEFAULT_RETENTION.map((r) => ({ ...r, updated_at: at })))
      .onConflict((oc) => oc.column('record_type').doNothing())
      .execute();
  });
}
