/**
 * The counter's items on the beneficiary timeline: interviews, support requests (submission),
 * the committee's decisions and delivery receipts. Registered with the timeline registry with one
 * line in create-core.ts.
 */
import type { Db } from '../db/open-database';
import type { TimelineSource } from '../timeline/timeline-registry';
import { STATUS_NAMES } from '../../shared/requests/status';

const PURPOSE: Record<string, { ar: string; en: string }> = {
  inquiry: { ar: 'استفسار', en: 'Inquiry' },
  new_request: { ar: 'طلب دعم جديد', en: 'New support request' },
  follow_up: { ar: 'متابعة طلب', en: 'Follow-up on a request' },
  document_delivery: { ar: 'تسليم مستندات', en: 'Document delivery' },
  complaint_suggestion: { ar: 'شكوى أو اقتراح', en: 'Complaint or suggestion' },
  other: { ar: 'أخرى', en: 'Other' },
};
const DECISION: Record<string, { ar: string; en: string }> = {
  accept: { ar: 'قرار لجنة البحث: قبول الطلب', en: 'Research committee: accepted' },
  reject: { ar: 'قرار لجنة البحث: رفض الطلب', en: 'Research committee: rejected' },
  request_info: { ar: 'لجنة البحث: مطلوب معلومات إضافية', en: 'Research committee: more information needed' },
};

async function typeNames(db: Db) {
  const rows = await db.selectFrom('support_types').select(['key', 'name_ar', 'name_en']).execute();
  return new Map(rows.map((r) => [r.key, { ar: r.name_ar, en: r.name_en }]));
}

export function counterTimelineSources(db: Db): TimelineSource[] {
  return [
    {
      kind: 'interview',
      async forBeneficiary(beneficiaryId, limit) {
        const rows = await db
          .selectFrom('visits as v')
          .leftJoin('users as u', 'u.id', 'v.created_by')
          .leftJoin('queue_tickets as t', 't.id', 'v.ticket_id')
          .select(['v.id', 'v.started_at', 'v.purpose', 'v.notes', 'u.display_name', 't.label'])
          .where('v.beneficiary_id', '=', beneficiaryId)
          .where('v.deleted_at', 'is', null)
          .orderBy('v.started_at', 'desc')
          .limit(limit)
          .execute();
        return rows.map((r) => {
          const p = PURPOSE[r.purpose] ?? PURPOSE.other!;
          return { id: r.id, kind: 'interview', at: r.started_at, title: { ar: `مقابلة: ${p.ar}`, en: `Interview: ${p.en}` }, detail: r.notes, reference: r.label ?? null, staffName: r.display_name ?? null };
        });
      },
    },
    {
      kind: 'request',
      async forBeneficiary(beneficiaryId, limit) {
        const [rows, names] = await Promise.all([
          db
            .selectFrom('support_requests as r')
            .leftJoin('users as u', 'u.id', 'r.created_by')
            .select(['r.id', 'r.submitted_at', 'r.created_at', 'r.support_type', 'r.status', 'r.justification', 'r.reference', 'u.display_name'])
            .where('r.beneficiary_id', '=', beneficiaryId)
            .where('r.deleted_at', 'is', null)
            .orderBy('r.created_at', 'desc')
            .limit(limit)
            .execute(),
          typeNames(db),
        ]);
        return rows.map((r) => {
          const t = names.get(r.support_type) ?? { ar: r.support_type, en: r.support_type };
          const s = STATUS_NAMES[r.status as 'draft'] ?? STATUS_NAMES.draft;
          return {
            id: r.id,
            kind: 'request',
            at: r.submitted_at ?? r.created_at,
            title: { ar: `طلب دعم مستفيد: ${t.ar} (${s.ar})`, en: `Support request: ${t.en} (${s.en})` },
            detail: r.justification,
            reference: r.reference,
            staffName: r.display_name ?? null,
          };
        });
      },
    },
    {
      kind: 'decision',
      async forBeneficiary(beneficiaryId, limit) {
        const rows = await db
          .selectFrom('request_decisions as d')
          .innerJoin('support_requests as r', 'r.id', 'd.request_id')
          .leftJoin('users as u', 'u.id', 'd.created_by')
          .select(['d.id', 'd.created_at', 'd.decision', 'd.reason', 'r.reference', 'u.display_name'])
          .where('r.beneficiary_id', '=', beneficiaryId)
          .where('d.deleted_at', 'is', null)
          .orderBy('d.created_at', 'desc')
          .limit(limit)
          .execute();
        return rows.map((r) => ({
          id: r.id,
          kind: 'decision',
          at: r.created_at,
          title: DECISION[r.decision] ?? DECISION.request_info!,
          detail: r.reason,
          reference: r.reference,
          staffName: r.display_name ?? null,
        }));
      },
    },
    {
      kind: 'receipt',
      async forBeneficiary(beneficiaryId, limit) {
        const rows = await db
          .selectFrom('service_deliveries as s')
          .leftJoin('users as u', 'u.id', 's.created_by')
          .select(['s.id', 's.created_at', 's.description', 's.amount', 's.quantity', 's.reference', 'u.display_name'])
          .where('s.beneficiary_id', '=', beneficiaryId)
          .where('s.deleted_at', 'is', null)
          .orderBy('s.created_at', 'desc')
          .limit(limit)
          .execute();
        return rows.map((r) => ({
          id: r.id,
          kind: 'receipt',
          at: r.created_at,
          title: { ar: `تقديم الخدمة: ${r.description}`, en: `Service delivered: ${r.description}` },
          detail: [r.amount !== null ? `${r.amount} ريال` : null, r.quantity !== null ? `الكمية ${r.quantity}` : null].filter(Boolean).join('، ') || null,
          reference: r.reference,
          staffName: r.display_name ?? null,
        }));
      },
    },
  ];
}
