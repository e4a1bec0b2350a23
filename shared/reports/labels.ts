/**
 * The bilingual names of the reports, their columns and their fixed row keys. Shared so that the
 * screen, the CSV, the XLSX and the PDF name things the same way.
 */
import type { ReportId } from './schemas';

export interface Bilingual {
  ar: string;
  en: string;
}

export const REPORT_TITLES: Record<ReportId, Bilingual> = {
  contactsByChannel: { ar: 'التواصل حسب القناة', en: 'Contacts by channel' },
  walkInsByPurpose: { ar: 'الزيارات حسب الغرض', en: 'Walk-ins by purpose' },
  waitingDistribution: { ar: 'توزيع مدة الانتظار', en: 'Waiting time distribution' },
  serviceDistribution: { ar: 'توزيع مدة الخدمة', en: 'Service time distribution' },
  requestsByType: { ar: 'الطلبات حسب نوع الدعم والنتيجة', en: 'Requests by support type and outcome' },
  decisionTime: { ar: 'مدة قرار اللجنة مقابل 14 يوماً', en: 'Committee decision time against 14 days' },
  satisfactionByService: { ar: 'رضا المستفيدين حسب الخدمة', en: 'Satisfaction by service' },
  satisfactionByStaff: { ar: 'رضا المستفيدين حسب الموظف', en: 'Satisfaction by staff member' },
  callsByTopic: { ar: 'المكالمات حسب الموضوع', en: 'Calls by topic' },
  lettersByStatus: { ar: 'الخطابات حسب الحالة', en: 'Letters by status' },
};

export const COLUMN_NAMES: Record<string, Bilingual> = {
  count: { ar: 'العدد', en: 'Count' },
  percent: { ar: 'النسبة ٪', en: 'Share %' },
  submitted: { ar: 'المرفوعة', en: 'Submitted' },
  pending: { ar: 'بانتظار القرار', en: 'Awaiting decision' },
  accepted: { ar: 'مقبول', en: 'Accepted' },
  rejected: { ar: 'مرفوض', en: 'Rejected' },
  moreInfo: { ar: 'معلومات إضافية', en: 'More information' },
  decided: { ar: 'تم البت', en: 'Decided' },
  avgDays: { ar: 'متوسط الأيام', en: 'Average days' },
  p90Days: { ar: 'المئين 90 (أيام)', en: '90th percentile (days)' },
  within14: { ar: 'خلال 14 يوماً', en: 'Within 14 days' },
  after14: { ar: 'بعد 14 يوماً', en: 'After 14 days' },
  pendingPast14: { ar: 'معلّقة أكثر من 14 يوماً', en: 'Pending over 14 days' },
  responses: { ar: 'عدد التقييمات', en: 'Responses' },
  csat: { ar: 'الرضا ٪', en: 'CSAT %' },
  avgScore: { ar: 'متوسط التقييم', en: 'Average score' },
  r1: { ar: '1', en: '1' },
  r2: { ar: '2', en: '2' },
  r3: { ar: '3', en: '3' },
  r4: { ar: '4', en: '4' },
  r5: { ar: '5', en: '5' },
  incoming: { ar: 'وارد', en: 'Incoming' },
  outgoing: { ar: 'صادر', en: 'Outgoing' },
  total: { ar: 'الإجمالي', en: 'Total' },
  avgMinutes: { ar: 'متوسط المدة (دقيقة)', en: 'Average length (min)' },
  openFollowUps: { ar: 'متابعات مفتوحة', en: 'Open follow-ups' },
  overdue: { ar: 'ردود متأخرة', en: 'Overdue replies' },
};

export const ROW_NAMES: Record<string, Bilingual> = {
  // channels
  walk_in: { ar: 'زيارة الكاونتر', en: 'Walk-in' },
  phone: { ar: 'اتصال هاتفي', en: 'Phone call' },
  letter: { ar: 'خطاب', en: 'Letter' },
  social_media: { ar: 'وسائل التواصل', en: 'Social media' },
  website: { ar: 'الموقع الإلكتروني', en: 'Website' },
  help_service: { ar: 'خدمة المساعدة', en: 'Help service' },
  volunteer_signup: { ar: 'تسجيل تطوع', en: 'Volunteer sign-up' },
  email: { ar: 'البريد الإلكتروني', en: 'Email' },
  other: { ar: 'أخرى', en: 'Other' },
  // purposes
  inquiry: { ar: 'استفسار', en: 'Inquiry' },
  new_request: { ar: 'طلب جديد', en: 'New request' },
  follow_up: { ar: 'متابعة', en: 'Follow-up' },
  document_delivery: { ar: 'تسليم مستندات', en: 'Document delivery' },
  complaint_suggestion: { ar: 'شكوى أو اقتراح', en: 'Complaint or suggestion' },
  // letter statuses
  registered: { ar: 'مسجل', en: 'Registered' },
  routed: { ar: 'محال', en: 'Routed' },
  answered: { ar: 'تم الرد', en: 'Answered' },
  closed: { ar: 'مغلق', en: 'Closed' },
  // buckets of minutes
  'm0-5': { ar: 'أقل من 5 دقائق', en: 'Under 5 min' },
  'm5-10': { ar: '5–10 دقائق', en: '5–10 min' },
  'm10-15': { ar: '10–15 دقيقة', en: '10–15 min' },
  'm15-30': { ar: '15–30 دقيقة', en: '15–30 min' },
  'm30-60': { ar: '30–60 دقيقة', en: '30–60 min' },
  'm60+': { ar: 'ساعة فأكثر', en: '60 min or more' },
  __none: { ar: 'بدون تذكرة', en: 'No ticket' },
  __unknown: { ar: 'غير معروف', en: 'Unknown' },
};

export const SUMMARY_NAMES: Record<string, Bilingual> = {
  count: { ar: 'العدد', en: 'Count' },
  avg: { ar: 'المتوسط (دقيقة)', en: 'Average (min)' },
  p50: { ar: 'الوسيط (دقيقة)', en: 'Median (min)' },
  p90: { ar: 'المئين 90 (دقيقة)', en: '90th percentile (min)' },
  max: { ar: 'الأطول (دقيقة)', en: 'Longest (min)' },
};

export const TOTAL_LABEL: Bilingual = { ar: 'الإجمالي', en: 'Total' };
export const RANGE_LABEL: Bilingual = { ar: 'الفترة', en: 'Period' };
