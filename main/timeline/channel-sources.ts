/** The timeline sources of the channels this domain owns: calls, letters and other-channel contacts. */
import type { Db } from '../db/open-database';
import type { TimelineSource } from './timeline-registry';
import { DEFAULT_CALL_TOPICS } from '../../shared/calls/schemas';
import type { CallTopic } from '../../shared/calls/schemas';

const DIRECTION = { incoming: { ar: 'مكالمة واردة', en: 'Incoming call' }, outgoing: { ar: 'مكالمة صادرة', en: 'Outgoing call' } };
const LETTER = { incoming: { ar: 'خطاب وارد', en: 'Incoming letter' }, outgoing: { ar: 'خطاب صادر', en: 'Outgoing letter' } };
const CHANNEL: Record<string, { ar: string; en: string }> = {
  social_media: { ar: 'رسالة عبر وسائل التواصل', en: 'Social media message' },
  website: { ar: 'طلب عبر الموقع', en: 'Website request' },
  help_service: { ar: 'خدمة طلب المساعدة', en: 'Help-request service' },
  volunteer_signup: { ar: 'تسجيل تطوع', en: 'Volunteer sign-up' },
  email: { ar: 'بريد إلكتروني', en: 'Email' },
  other: { ar: 'تواصل آخر', en: 'Other contact' },
};

export function callsTimelineSource(db: Db, topics: () => Promise<CallTopic[]>): TimelineSource {
  return {
    kind: 'call',
    async forBeneficiary(beneficiaryId, limit) {
      const [rows, list] = await Promise.all([
        db
          .selectFrom('calls as c')
          .leftJoin('users as u', 'u.id', 'c.created_by')
          .select(['c.id', 'c.direction', 'c.started_at', 'c.topic', 'c.summary', 'c.follow_up', 'u.display_name'])
          .where('c.beneficiary_id', '=', beneficiaryId)
          .where('c.deleted_at', 'is', null)
          .orderBy('c.started_at', 'desc')
          .limit(limit)
          .execute(),
        topics().catch(() => DEFAULT_CALL_TOPICS),
      ]);
      return rows.map((r) => {
        const dir = DIRECTION[r.direction as 'incoming'] ?? DIRECTION.incoming;
        const topic = list.find((t) => t.key === r.topic);
        return {
          id: r.id,
          kind: 'call',
          at: r.started_at,
          title: { ar: topic ? `${dir.ar} — ${topic.ar}` : dir.ar, en: topic ? `${dir.en} — ${topic.en}` : dir.en },
          detail: r.summary,
          reference: null,
          staffName: r.display_name ?? null,
        };
      });
    },
  };
}

export function lettersTimelineSource(db: Db): TimelineSource {
  return {
    kind: 'letter',
    async forBeneficiary(beneficiaryId, limit) {
      const rows = await db
        .selectFrom('letters as l')
        .leftJoin('users as u', 'u.id', 'l.created_by')
        .select(['l.id', 'l.kind', 'l.created_at', 'l.subject', 'l.entity', 'l.reference', 'u.display_name'])
        .where('l.beneficiary_id', '=', beneficiaryId)
        .where('l.deleted_at', 'is', null)
        .orderBy('l.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const k = LETTER[r.kind as 'incoming'] ?? LETTER.incoming;
        return { id: r.id, kind: 'letter', at: r.created_at, title: { ar: `${k.ar}: ${r.subject}`, en: `${k.en}: ${r.subject}` }, detail: r.entity, reference: r.reference, staffName: r.display_name ?? null };
      });
    },
  };
}

export function contactsTimelineSource(db: Db): TimelineSource {
  return {
    kind: 'contact',
    async forBeneficiary(beneficiaryId, limit) {
      const rows = await db
        .selectFrom('contacts as c')
        .leftJoin('users as u', 'u.id', 'c.created_by')
        .select(['c.id', 'c.channel', 'c.source', 'c.created_at', 'c.summary', 'c.reference', 'u.display_name'])
        .where('c.beneficiary_id', '=', beneficiaryId)
        .where('c.deleted_at', 'is', null)
        .orderBy('c.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const ch = CHANNEL[r.channel] ?? CHANNEL.other!;
        const src = r.source ? ` (${r.source})` : '';
        return { id: r.id, kind: 'contact', at: r.created_at, title: { ar: ch.ar + src, en: ch.en + src }, detail: r.summary, reference: r.reference, staffName: r.display_name ?? null };
      });
    },
  };
}
