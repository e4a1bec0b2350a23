/**
 * The interview record of a walk-in (receive and answer), referrals to a social researcher, and
 * the satisfaction rating at the end of the visit. Every write is one transaction with its audit.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { ReferralsTable, VisitsTable } from './tables';
import type { ReferralView, VisitPurpose, VisitView } from '../../shared/walk-ins/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { beneficiaryBrief, userNames } from './lookups';
import { durationMs } from './ticket-durations';

type Reader = Db | Transaction<Database>;

const TICKET_TAKEN = { ar: 'هذه التذكرة مرتبطة بزيارة أخرى أو انتهت.', en: 'This ticket belongs to another visit or has ended.' };
const VISIT_ENDED = { ar: 'انتهت هذه الزيارة؛ لا يمكن تعديلها.', en: 'This visit has ended; it cannot be changed.' };
const STALE = { ar: 'عدّل شخص آخر هذه الزيارة. أعد فتحها؛ ما كتبته لم يُحفظ بعد.', en: 'Someone else changed this visit. Reopen it; what you typed is not saved yet.' };
const NOT_RESEARCHER = { ar: 'الموظف المختار ليس باحثاً اجتماعياً.', en: 'The chosen staff member is not a social researcher.' };
const REFERRAL_CLOSED = { ar: 'أُغلقت هذه الإحالة من قبل.', en: 'This referral is already closed.' };
const ALREADY_RATED = { ar: 'سُجّل تقييم هذه الزيارة من قبل.', en: 'This visit has already been rated.' };

export const RESEARCHER_ROLES = ['social_researcher', 'manager', 'administrator'];

export function createVisitService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  // Which visit the customer-facing screen of each counter asks to rate; transient, so held in memory.
  const ratingPrompts = new Map<string, string>();

  async function visitRow(trx: Reader, id: string): Promise<VisitsTable> {
    const row = await trx.selectFrom('visits').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return row;
  }

  async function visitView(trx: Reader, row: VisitsTable): Promise<VisitView> {
    const b = await beneficiaryBrief(trx, row.beneficiary_id);
    const names = await userNames(trx, [row.created_by]);
    const ticket = row.ticket_id ? await trx.selectFrom('queue_tickets').select('label').where('id', '=', row.ticket_id).executeTakeFirst() : undefined;
    const rating = await trx.selectFrom('satisfaction_ratings').select('rating').where('visit_id', '=', row.id).where('deleted_at', 'is', null).executeTakeFirst();
    return {
      id: row.id,
      ticketId: row.ticket_id,
      ticketLabel: ticket?.label ?? null,
      beneficiaryId: b.id,
      beneficiaryName: b.fullName,
      beneficiaryReference: b.reference,
      purpose: row.purpose as VisitPurpose,
      qa: JSON.parse(row.qa_json) as VisitView['qa'],
      notes: row.notes,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      staffName: names.get(row.created_by) ?? '',
      rating: rating?.rating ?? null,
      version: row.version,
    };
  }

  async function referralView(trx: Reader, r: ReferralsTable): Promise<ReferralView> {
    const b = await beneficiaryBrief(trx, r.beneficiary_id);
    const names = await userNames(trx, [r.researcher_id, r.created_by, r.answered_by]);
    return {
      id: r.id,
      visitId: r.visit_id,
      beneficiaryId: r.beneficiary_id,
      beneficiaryName: b.fullName,
      researcherId: r.researcher_id,
      researcherName: names.get(r.researcher_id) ?? '',
      referredBy: names.get(r.created_by) ?? '',
      reason: r.reason,
      status: r.status as 'open',
      answer: r.answer,
      answeredAt: r.answered_at,
      answeredBy: r.answered_by ? (names.get(r.answered_by) ?? '') : null,
      createdAt: r.created_at,
    };
  }

  return {
    async open(actor: Actor, input: { ticketId?: string | null; beneficiaryId: string; purpose?: VisitPurpose }): Promise<VisitView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        await beneficiaryBrief(trx, input.beneficiaryId);
        let purpose: VisitPurpose = input.purpose ?? 'inquiry';
        const id = newId();
        if (input.ticketId) {
          const t = await trx.selectFrom('queue_tickets').selectAll().where('id', '=', input.ticketId).executeTakeFirst();
          if (!t) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
          if (t.visit_id || t.status === 'done' || t.status === 'no_show') throw new AppError('CONFLICT', TICKET_TAKEN);
          if (!input.purpose) {
            const s = await trx.selectFrom('queue_services').select('default_purpose').where('key', '=', t.service_key).executeTakeFirst();
            purpose = (s?.default_purpose as VisitPurpose | undefined) ?? purpose;
          }
          // Opening the interview starts the service; a ticket opened without "call next" is called now.
          const calledAt = t.called_at ?? at;
          await trx
            .updateTable('queue_tickets')
            .set({ status: 'serving', called_at: calledAt, called_by: t.called_by ?? actor.userId, wait_ms: durationMs(t.arrived_at, calledAt), started_at: at, visit_id: id, updated_at: at })
            .where('id', '=', t.id)
            .execute();
        }
        const row: VisitsTable = {
          id,
          ticket_id: input.ticketId ?? null,
          beneficiary_id: input.beneficiaryId,
          purpose,
          qa_json: '[]',
          notes: null,
          started_at: at,
          ended_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('visits').values(row).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'visit', entityId: id, after: row }, newId(), now);
        return visitView(trx, row);
      });
    },

    async get(id: string): Promise<VisitView> {
      return visitView(db, await visitRow(db, id));
    },

    async save(actor: Actor, id: string, version: number, data: { purpose: VisitPurpose; qa: { question: string; answer: string | null }[]; notes: string | null }): Promise<VisitView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await visitRow(trx, id);
        if (before.ended_at) throw new AppError('CONFLICT', VISIT_ENDED);
        if (before.version !== version) throw new AppError('CONFLICT', STALE);
        await trx
          .updateTable('visits')
          .set({ purpose: data.purpose, qa_json: JSON.stringify(data.qa), notes: data.notes, version: version + 1, updated_at: at })
          .where('id', '=', id)
          .execute();
        const after = await visitRow(trx, id);
        await appendAudit(trx, actor, { action: 'update', entity: 'visit', entityId: id, before, after }, newId(), now);
        return visitView(trx, after);
      });
    },

    async end(actor: Actor, id: string): Promise<VisitView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await visitRow(trx, id);
        if (before.ended_at) return visitView(trx, before);
        await trx.updateTable('visits').set({ ended_at: at, updated_at: at, version: before.version + 1 }).where('id', '=', id).execute();
        if (before.ticket_id) {
          const t = await trx.selectFrom('queue_tickets').select('started_at').where('id', '=', before.ticket_id).executeTakeFirst();
          // The service time ends with the interview; stored with the status so reports read one number.
          const serviceMs = t?.started_at ? durationMs(t.started_at, at) : null;
          await trx.updateTable('queue_tickets').set({ status: 'done', ended_at: at, service_ms: serviceMs, updated_at: at }).where('id', '=', before.ticket_id).execute();
        }
        const after = await visitRow(trx, id);
        await appendAudit(trx, actor, { action: 'update', entity: 'visit', entityId: id, before, after }, newId(), now);
        return visitView(trx, after);
      });
    },

    async forBeneficiary(beneficiaryId: string): Promise<VisitView[]> {
      const rows = await db.selectFrom('visits').selectAll().where('beneficiary_id', '=', beneficiaryId).where('deleted_at', 'is', null).orderBy('started_at', 'desc').execute();
      return Promise.all(rows.map((r) => visitView(db, r)));
    },

    async researchers() {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('active', '=', 1)
        .where('deleted_at', 'is', null)
        .where('role', 'in', RESEARCHER_ROLES)
        .orderBy('role', 'desc')
        .orderBy('display_name')
        .execute();
      // Social researchers first: they are whom the policy names.
      rows.sort((a, b) => Number(b.role === 'social_researcher') - Number(a.role === 'social_researcher'));
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
    },

    async refer(actor: Actor, input: { visitId: string; researcherId: string; reason: string; requestId?: string | null }): Promise<ReferralView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const visit = await visitRow(trx, input.visitId);
        const researcher = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', input.researcherId).where('active', '=', 1).executeTakeFirst();
        if (!researcher || !RESEARCHER_ROLES.includes(researcher.role)) {
          throw new AppError('VALIDATION', NOT_RESEARCHER, [{ path: 'researcherId', message: NOT_RESEARCHER }]);
        }
        const row: ReferralsTable = {
          id: newId(),
          visit_id: visit.id,
          beneficiary_id: visit.beneficiary_id,
          request_id: input.requestId ?? null,
          researcher_id: researcher.id,
          reason: input.reason,
          status: 'open',
          answer: null,
          answered_at: null,
          answered_by: null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('referrals').values(row).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'referral', entityId: row.id, after: row }, newId(), now);
        return referralView(trx, row);
      });
    },

    async referrals(status: 'open' | 'closed'): Promise<ReferralView[]> {
      const rows = await db
        .selectFrom('referrals')
        .selectAll()
        .where('status', '=', status)
        .where('deleted_at', 'is', null)
        .orderBy('created_at', status === 'open' ? 'asc' : 'desc')
        .limit(200)
        .execute();
      return Promise.all(rows.map((r) => referralView(db, r)));
    },

    async answerReferral(actor: Actor, id: string, answer: string): Promise<ReferralView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('referrals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        if (before.status !== 'open') throw new AppError('CONFLICT', REFERRAL_CLOSED);
        await trx.updateTable('referrals').set({ status: 'closed', answer, answered_at: at, answered_by: actor.userId, updated_at: at }).where('id', '=', id).execute();
        const after = (await trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst())!;
        await appendAudit(trx, actor, { action: 'update', entity: 'referral', entityId: id, before, after }, newId(), now);
        return referralView(trx, after);
      });
    },

    async askRating(actor: Actor, visitId: string) {
      const visit = await visitRow(db, visitId);
      ratingPrompts.set(actor.counterId, visit.id);
      return { visitId: visit.id };
    },

    /** What the customer-facing window shows: the ticket being served, and the visit to rate if staff asked. */
    async customerDisplay(actor: Actor) {
      const serving = await db
        .selectFrom('queue_tickets')
        .select(['label'])
        .where('counter_id', '=', actor.counterId)
        .where('status', 'in', ['called', 'serving'])
        .where('deleted_at', 'is', null)
        .orderBy('called_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return { nowServing: serving?.label ?? null, ratingVisitId: ratingPrompts.get(actor.counterId) ?? null };
    },

    async rate(actor: Actor, input: { visitId: string; rating: number; comment: string | null }) {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const visit = await visitRow(trx, input.visitId);
        const existing = await trx.selectFrom('satisfaction_ratings').select('id').where('visit_id', '=', visit.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (existing) throw new AppError('CONFLICT', ALREADY_RATED);
        // What the satisfaction reports group by, stored with the rating (migration 0015). A ticket
        // this counter does not hold leaves both unknown; the reports then use the joins.
        const ticket = visit.ticket_id ? await trx.selectFrom('queue_tickets').select('service_key').where('id', '=', visit.ticket_id).executeTakeFirst() : null;
        const known = !visit.ticket_id || ticket !== undefined;
        const row = {
          id: newId(),
          visit_id: visit.id,
          beneficiary_id: visit.beneficiary_id,
          rating: input.rating,
          comment: input.comment,
          service_key: known ? (ticket?.service_key ?? null) : null,
          staff_id: known ? visit.created_by : null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('satisfaction_ratings').values(row).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'satisfaction_rating', entityId: row.id, after: row }, newId(), now);
        if (ratingPrompts.get(actor.counterId) === visit.id) ratingPrompts.delete(actor.counterId);
        return { visitId: visit.id, rating: input.rating };
      });
    },
  };
}

export type VisitService = ReturnType<typeof createVisitService>;
