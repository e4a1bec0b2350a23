/**
 * The access-request export as a printable document (A4 PDF through the printing domain's
 * renderer): the society's header, who the person is, then every section of the export with each
 * row's fields in Arabic. Internal keys (row ids, counter and user ids, search helpers) are left
 * out of the paper — they say nothing about the person and are in the JSON export.
 */
import type { Block, DocumentModel } from '../../shared/printing/document-model';
import { ltr } from '../../shared/printing/document-model';
import type { OrganisationHeader } from '../../shared/printing/document-data';
import { dateFields, headerBlocks } from '../../shared/printing/documents/common';
import { dateWithTime } from '../../shared/printing/paper-dates';
import type { SubjectExport } from './subject-export';

const SECTION_TITLES: Record<string, string> = {
  beneficiaries: 'بيانات المستفيد في السجل',
  household_members: 'أفراد الأسرة',
  consents: 'الموافقة على إشعار الخصوصية',
  data_subject_requests: 'طلبات صاحب البيانات',
  visits: 'المقابلات',
  referrals: 'الإحالات إلى البحث الاجتماعي',
  satisfaction_ratings: 'تقييمات الرضا',
  support_requests: 'طلبات الدعم',
  request_checklist_items: 'المستندات التي تحقق منها',
  request_decisions: 'قرارات لجنة البحث',
  service_deliveries: 'الخدمات المسلمة',
  calls: 'المكالمات الهاتفية',
  letters: 'الخطابات الصادرة والواردة',
  contacts: 'التواصل عبر القنوات الأخرى',
  attachments: 'مرفقات الخطابات',
  volunteers: 'التطوع',
  audit_log: 'سجل التدقيق: من أنشأ البيانات أو عدلها أو اطلع عليها',
};

const COLUMN_LABELS: Record<string, string> = {
  reference: 'الرقم المرجعي',
  id_type: 'نوع الهوية',
  id_number: 'رقم الهوية',
  id_expiry: 'انتهاء الهوية',
  first_name: 'الاسم الأول',
  father_name: 'اسم الأب',
  grandfather_name: 'اسم الجد',
  family_name: 'اسم العائلة',
  latin_name: 'الاسم بالإنجليزية',
  gender: 'الجنس',
  birth_date: 'تاريخ الميلاد',
  nationality: 'الجنسية',
  marital_status: 'الحالة الاجتماعية',
  mobile: 'الجوال',
  alt_mobile: 'جوال آخر',
  city: 'المدينة',
  district: 'الحي',
  national_address: 'العنوان الوطني',
  category: 'الفئة',
  employment_status: 'الحالة الوظيفية',
  monthly_income: 'الدخل الشهري',
  iban: 'الآيبان',
  notes: 'ملاحظات',
  relation: 'صلة القرابة',
  name: 'الاسم',
  disability: 'إعاقة',
  schooling: 'الدراسة',
  notice_version: 'إصدار الإشعار',
  given_by: 'المُوافِق',
  guardian_name: 'اسم الولي',
  guardian_relation: 'صلة الولي',
  guardian_id_number: 'هوية الولي',
  consented_at: 'تاريخ الموافقة',
  withdrawn_at: 'تاريخ السحب',
  withdrawal_reason: 'سبب السحب',
  kind: 'النوع',
  details: 'التفاصيل',
  received_at: 'تاريخ الاستلام',
  due_at: 'موعد الرد',
  extended_at: 'تاريخ التمديد',
  extension_notice: 'إشعار التمديد',
  status: 'الحالة',
  closed_at: 'تاريخ الإغلاق',
  outcome: 'النتيجة',
  purpose: 'الغرض',
  qa_json: 'الأسئلة والأجوبة',
  started_at: 'البداية',
  ended_at: 'النهاية',
  reason: 'السبب',
  answer: 'الرد',
  answered_at: 'تاريخ الرد',
  rating: 'التقييم',
  service_key: 'الخدمة',
  comment: 'التعليق',
  support_type: 'نوع الدعم',
  amount: 'المبلغ',
  items: 'المواد',
  justification: 'المبررات',
  submitted_at: 'تاريخ التقديم',
  earliest_decision_at: 'أقرب موعد للقرار',
  decision_ms: 'مدة القرار بالملّي ثانية',
  wait_ms: 'مدة الانتظار بالملّي ثانية',
  service_ms: 'مدة الخدمة بالملّي ثانية',
  signature_method: 'طريقة التوقيع',
  signature_png: 'التوقيع',
  declaration_version: 'إصدار الإقرار',
  declaration_text: 'نص الإقرار',
  signed_at: 'تاريخ التوقيع',
  seal_hash: 'بصمة الختم',
  description: 'الوصف',
  quantity: 'الكمية',
  delivered_on: 'تاريخ التسليم',
  direction: 'الاتجاه',
  phone: 'الهاتف',
  caller_name: 'اسم المتصل',
  topic: 'الموضوع',
  summary: 'الملخص',
  duration_seconds: 'المدة بالثواني',
  follow_up: 'المتابعة',
  follow_up_due: 'موعد المتابعة',
  follow_up_note: 'ملاحظة المتابعة',
  follow_up_closed_at: 'إغلاق المتابعة',
  follow_up_closing_note: 'ملاحظة الإغلاق',
  letter_date: 'تاريخ الخطاب',
  entity: 'الجهة',
  external_number: 'رقم الجهة',
  subject: 'الموضوع',
  routed_to: 'أحيل إلى',
  reply_due: 'موعد الرد',
  channel: 'القناة',
  source: 'المصدر',
  person_name: 'اسم الشخص',
  handle: 'الحساب أو العنوان',
  converted_kind: 'حول إلى',
  label_ar: 'المستند',
  verified: 'تم التحقق',
  document_number: 'رقم الوثيقة',
  expiry_date: 'تاريخ الانتهاء',
  note: 'ملاحظة',
  verified_at: 'وقت التحقق',
  decision: 'القرار',
  file_name: 'اسم الملف',
  mime: 'نوع الملف',
  size: 'الحجم بالبايت',
  skills_json: 'المهارات',
  availability_json: 'الأوقات المتاحة',
  created_at: 'تاريخ الإنشاء',
  updated_at: 'آخر تعديل',
  deleted_at: 'تاريخ الحذف',
  // The audit section's own columns.
  seq: 'التسلسل',
  at: 'الوقت',
  action: 'الإجراء',
  by_user: 'الموظف',
};

const AUDIT_ACTIONS: Record<string, string> = {
  create: 'إنشاء',
  update: 'تعديل',
  delete: 'حذف',
  view: 'اطلاع',
  export: 'تصدير',
  print: 'طباعة',
  purge: 'إتلاف',
};

/** Coded values shown in words; other codes are printed as they are stored. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  gender: { male: 'ذكر', female: 'أنثى' },
  given_by: { self: 'صاحب البيانات', guardian: 'الولي' },
  kind: { access: 'اطلاع', correction: 'تصحيح', deletion: 'حذف', incoming: 'وارد', outgoing: 'صادر' },
  direction: { incoming: 'واردة', outgoing: 'صادرة' },
  relation: { son: 'ابن', daughter: 'ابنة', wife: 'زوجة', husband: 'زوج', father: 'أب', mother: 'أم' },
  id_type: { national_id: 'هوية وطنية', iqama: 'إقامة' },
  signature_method: { screen: 'على الشاشة', paper: 'على الورق' },
  entity: {
    beneficiary: 'المستفيد',
    consent: 'الموافقة',
    visit: 'مقابلة',
    support_request: 'طلب دعم',
    referral: 'إحالة',
    satisfaction_rating: 'تقييم',
    call: 'مكالمة',
    letter: 'خطاب',
    contact: 'تواصل',
    data_subject_request: 'طلب صاحب البيانات',
  },
};

/** Keys that identify rows inside the system, not facts about the person. */
const INTERNAL = new Set([
  'id',
  'beneficiary_id',
  'counter_id',
  'created_by',
  // The staff member a rating is about (the visit's author), an internal user key like created_by.
  'staff_id',
  'updated_by',
  'version',
  'name_normalised',
  'search_text',
  'visit_id',
  'ticket_id',
  'request_id',
  'researcher_id',
  'answered_by',
  'signed_marked_by',
  'in_reply_to',
  'converted_id',
  'follow_up_assignee',
  'follow_up_closed_by',
  'verified_by',
  'item_key',
  'label_en',
  'needs_number',
  'needs_expiry',
  'identity',
  'sort_order',
  'owner_kind',
  'owner_id',
  'sha256',
  'contact_id',
]);

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A JSON column (questions and answers, lists) as readable text. */
function flattenJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(flattenJson).filter(Boolean).join('، ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(flattenJson).filter(Boolean).join(': ');
  return String(value);
}

function valueText(column: string, value: unknown): string {
  if (column === 'signature_png') return 'صورة توقيع محفوظة (في ملف JSON)';
  if (typeof value === 'number') return ltr(String(value));
  const text = String(value);
  if (column.endsWith('_json')) {
    try {
      return valueText('', flattenJson(JSON.parse(text)));
    } catch {
      // Not JSON after all: shown as it is.
    }
  }
  if (TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text))) return dateWithTime(new Date(text));
  return ARABIC_LETTER.test(text) ? text : ltr(text);
}

function rowBlocks(table: string, row: Record<string, unknown>): Block[] {
  const blocks: Block[] = [];
  for (const [column, value] of Object.entries(row)) {
    if (INTERNAL.has(column) || value === null || value === undefined || value === '') continue;
    const audit = table === 'audit_log';
    const label = audit && column === 'entity' ? 'السجل' : (COLUMN_LABELS[column] ?? ltr(column));
    const coded = (audit && column === 'action' ? AUDIT_ACTIONS : VALUE_LABELS[column])?.[String(value)];
    const shown = coded ?? valueText(column, value);
    blocks.push({ type: 'field', label, value: shown });
  }
  return blocks;
}

export interface SubjectDocumentInput {
  organisation: OrganisationHeader;
  data: SubjectExport;
  person: { name: string; reference: string | null };
  receivedAt: string;
}

export function buildSubjectExportDocument({ organisation, data, person, receivedAt }: SubjectDocumentInput): DocumentModel {
  const exportedAt = new Date(data.exportedAt);
  const blocks: Block[] = [
    ...headerBlocks(organisation, 'بيانات صاحب البيانات الشخصية — طلب اطلاع', {}),
    { type: 'field', label: 'صاحب البيانات', value: person.name },
    ...(person.reference ? [{ type: 'field' as const, label: 'الرقم المرجعي', value: ltr(person.reference) }] : []),
    ...dateFields('تاريخ استلام الطلب', new Date(receivedAt)),
    ...dateFields('تاريخ التصدير', exportedAt),
    {
      type: 'text',
      text: 'تضم هذه الوثيقة كل ما تحتفظ به الجمعية من بيانات شخصية عن صاحب الطلب، وفق نظام حماية البيانات الشخصية. المعرفات الداخلية للسجلات في ملف JSON المرافق.',
      size: 'small',
      align: 'start',
    },
  ];
  // The person first, then each domain in a fixed order, unknown tables next, the trail last.
  const order = Object.keys(SECTION_TITLES);
  const rank = (table: string) => (table === 'audit_log' ? order.length + 1 : order.includes(table) ? order.indexOf(table) : order.length);
  const sections = Object.entries(data.sections).sort(([a], [b]) => rank(a) - rank(b));
  for (const [table, rows] of sections) {
    blocks.push({ type: 'gap' }, { type: 'text', text: `${SECTION_TITLES[table] ?? ltr(table)} (${ltr(String(rows.length))})`, size: 'large', bold: true, align: 'start' }, { type: 'rule' });
    rows.forEach((row, i) => {
      if (i > 0) blocks.push({ type: 'gap' });
      blocks.push(...rowBlocks(table, row as Record<string, unknown>));
    });
  }
  return { kind: 'subject-access-export', title: `بيانات صاحب البيانات ${person.reference ?? ''}`.trim(), blocks };
}
