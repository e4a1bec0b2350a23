/**
 * The phone-call log: record a call (with its follow-up) in one transaction with its audit entry,
 * look a caller up by number, list the day's calls, the open callbacks, and close a callback
 * recording who closed it and when.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { DEFAULT_CALL_TOPICS, callTopic, type CallData, type CallFilter, type CallTopic, type CallView, type PhoneLookup } from '../../shared/calls/schemas';
import { isOverdue, riyadhDay, riyadhDayRange } from '../../shared/calls/riyadh-day';
import { normaliseAnyPhone } from '../../shared/validation/phone';
import { maskId } from '../../shared/validation/national-id';
import { appendAudit } from '../audit/append-audit';
import { fullNameOf } from '../beneficiaries/beneficiary-rows';
import { phoneMatches } from '../beneficiaries/phone-match';
import { readJsonSetting, writeJsonSetting } from './settings-json';
import { toCsv } from './csv';
import { z } from 'zod';

export const TOPICS_KEY = 'calls.topics';

const NO_BENEFICIARY = { ar: 'المستفيد المحدد غير موجود.', en: 'The chosen beneficiary does not exist.' };
const ALREADY_CLOSED = { ar: 'هذه المتابعة مغلقة مسبقاً.', en: 'This follow-up is already closed.' };
const NO_FOLLOW_UP = { ar: 'لا توجد متابعة على هذه المكالمة.', en: 'This call has no follow-up.' };
const UNKNOWN_TOPIC = { ar: 'موضوع المكالمة غير موجود في القائمة.', en: 'The call topic is not in the list.' };

export interface CallServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

export function createCallService({ db, clock, newId }: CallServiceDeps) {
  function baseQuery() {
    return db
      .selectFrom('calls as c')
      .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
      .leftJoin('users as s', 's.id', 'c.created_by')
      .leftJoin('users as a', 'a.id', 'c.follow_up_assignee')
      .leftJoin('users as x', 'x.id', 'c.follow_up_closed_by')
      .selectAll('c')
      .select([
        'b.first_name',
        'b.father_name',
        'b.grandfather_name',
        'b.family_name',
        'b.reference as b_reference',
        's.display_name as staff_name',
        'a.display_name as assignee_name',
        'x.display_name as closer_name',
      ])
      .where('c.deleted_at', 'is', null);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

  function toView(r: Row): CallView {
    const now = clock.now();
    return {
      id: r.id,
      direction: r.direction as CallView['direction'],
      phone: r.phone,
      beneficiaryId: r.beneficiary_id,
      beneficiaryName: r.first_name ? fullNameOf({ first_name: r.first_name, father_name: r.father_name!, grandfather_name: r.grandfather_name!, family_name: r.family_name! }) : null,
      beneficiaryReference: r.b_reference ?? null,
      callerName: r.caller_name,
      topic: r.topic,
      summary: r.summary,
      outcome: r.outcome as CallView['outcome'],
      durationSeconds: r.duration_seconds,
      startedAt: r.started_at,
      staffId: r.created_by,
      staffName: r.staff_name ?? '—',
      followUp: r.follow_up as CallView['followUp'],
      followUpDue: r.follow_up_due,
      followUpAssigneeId: r.follow_up_assignee,
      followUpAssigneeName: r.assignee_name ?? null,
      followUpNote: r.follow_up_note,
      followUpClosedAt: r.follow_up_closed_at,
      followUpClosedByName: r.closer_name ?? null,
      followUpClosingNote: r.follow_up_closing_note,
      overdue: r.follow_up === 'open' && isOverdue(r.follow_up_due, now),
    };
  }

  async function get(id: string): Promise<CallView> {
    const row = await baseQuery().where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return toView(row);
  }

  async function topics(): Promise<CallTopic[]> {
    return readJsonSetting(db, TOPICS_KEY, z.array(callTopic), DEFAULT_CALL_TOPICS);
  }

  function filtered(filter: CallFilter) {
    const { start, end } = riyadhDayRange(filter.day);
    let q = baseQuery().where('c.started_at', '>=', start).where('c.started_at', '<', end);
    if (filter.direction) q = q.where('c.direction', '=', filter.direction);
    if (filter.topic) q = q.where('c.topic', '=', filter.topic);
    if (filter.staffId) q = q.where('c.created_by', '=', filter.staffId);
    if (filter.linked === 'linked') q = q.where('c.beneficiary_id', 'is not', null);
    if (filter.linked === 'unlinked') q = q.where('c.beneficiary_id', 'is', null);
    return q.orderBy('c.started_at', 'desc').orderBy('c.id', 'desc');
  }

  return {
    get,
    topics,

    async setTopics(actor: Actor, list: CallTopic[]): Promise<CallTopic[]> {
      const now = clock.now();
      const keys = new Set(list.map((t) => t.key));
      if (keys.size !== list.length) throw new AppError('VALIDATION', { ar: 'مفتاح موضوع مكرر.', en: 'A topic key is repeated.' });
      return db.transaction().execute(async (trx) => {
        const before = await readJsonSetting(trx, TOPICS_KEY, z.array(callTopic), DEFAULT_CALL_TOPICS);
        await writeJsonSetting(trx, TOPICS_KEY, list, now.toISOString());
        await appendAudit(trx, actor, { action: 'update', entity: 'setting', entityId: TOPICS_KEY, before, after: list }, newId(), now);
        return list;
      });
    },

    async staff() {
      const rows = await db.selectFrom('users').select(['id', 'display_name']).where('active', '=', 1).where('deleted_at', 'is', null).orderBy('display_name').execute();
      return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
    },

    /** Who is calling: beneficiaries with this number as mobile or second mobile, and past calls. */
    async lookup(raw: string): Promise<PhoneLookup> {
      const phone = normaliseAnyPhone(raw);
      if (!phone) return { phone: null, beneficiaries: [], lastCallerName: null, previousCalls: 0 };
      const people = await db
        .selectFrom('beneficiaries')
        .select(['id', 'reference', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'id_number', 'mobile'])
        .where('deleted_at', 'is', null)
        // Two index lookups, not an OR the planner may turn into a scan (see phone-match.ts).
        .where(phoneMatches(phone))
        .limit(10)
        .execute();
      const past = await db
        .selectFrom('calls')
        .select(['caller_name'])
        .where('phone', '=', phone)
        .where('deleted_at', 'is', null)
        .orderBy('started_at', 'desc')
        .execute();
      return {
        phone,
        beneficiaries: people.map((p) => ({ id: p.id, reference: p.reference, fullName: fullNameOf(p), maskedId: maskId(p.id_number), mobile: p.mobile })),
        lastCallerName: past.find((p) => p.caller_name)?.caller_name ?? null,
        previousCalls: past.length,
      };
    },

    async create(actor: Actor, data: CallData): Promise<CallView> {
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      if (!(await topics()).some((t) => t.key === data.topic)) throw new AppError('VALIDATION', UNKNOWN_TOPIC, [{ path: 'topic', message: UNKNOWN_TOPIC }]);
      await db.transaction().execute(async (trx) => {
        if (data.beneficiaryId) {
          const found = await trx.selectFrom('beneficiaries').select('id').where('id', '=', data.beneficiaryId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!found) throw new AppError('VALIDATION', NO_BENEFICIARY, [{ path: 'beneficiaryId', message: NO_BENEFICIARY }]);
        }
        // The call began `duration` seconds before it was saved.
        const startedAt = new Date(now.getTime() - data.durationSeconds * 1000).toISOString();
        const values = {
          id,
          direction: data.direction,
          phone: data.phone,
          beneficiary_id: data.beneficiaryId,
          caller_name: data.callerName,
          topic: data.topic,
          summary: data.summary,
          outcome: data.outcome,
          started_at: startedAt,
          duration_seconds: data.durationSeconds,
          follow_up: data.followUp ? 'open' : 'none',
          follow_up_due: data.followUp ? data.followUpDue : null,
          follow_up_assignee: data.followUp ? data.followUpAssigneeId : null,
          follow_up_note: data.followUp ? data.followUpNote : null,
          follow_up_closed_at: null,
          follow_up_closed_by: null,
          follow_up_closing_note: null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('calls').values(values).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'call', entityId: id, after: values }, newId(), now);
      });
      return get(id);
    },

    async link(actor: Actor, id: string, beneficiaryId: string): Promise<CallView> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const call = await trx.selectFrom('calls').select(['id', 'beneficiary_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!call) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        const found = await trx.selectFrom('beneficiaries').select('id').where('id', '=', beneficiaryId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!found) throw new AppError('VALIDATION', NO_BENEFICIARY);
        await trx.updateTable('calls').set({ beneficiary_id: beneficiaryId, updated_at: now.toISOString() }).where('id', '=', id).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'call', entityId: id, before: { beneficiaryId: call.beneficiary_id }, after: { beneficiaryId } }, newId(), now);
      });
      return get(id);
    },

    async list(filter: CallFilter): Promise<CallView[]> {
      const rows = await filtered(filter).limit(2000).execute();
      return rows.map(toView);
    },

    /** Open callbacks, soonest due first (overdue ones therefore lead). */
    async followUps(assigneeId?: string | null): Promise<CallView[]> {
      let q = baseQuery().where('c.follow_up', '=', 'open');
      if (assigneeId) q = q.where('c.follow_up_assignee', '=', assigneeId);
      const rows = await q.orderBy('c.follow_up_due').orderBy('c.started_at').execute();
      return rows.map(toView);
    },

    async closeFollowUp(actor: Actor, id: string, note: string | null): Promise<CallView> {
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const call = await trx.selectFrom('calls').select(['follow_up']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!call) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        if (call.follow_up === 'none') throw new AppError('CONFLICT', NO_FOLLOW_UP);
        if (call.follow_up === 'closed') throw new AppError('CONFLICT', ALREADY_CLOSED);
        const change = { follow_up: 'closed', follow_up_closed_at: at, follow_up_closed_by: actor.userId, follow_up_closing_note: note || null, updated_at: at };
        await trx.updateTable('calls').set(change).where('id', '=', id).where('follow_up', '=', 'open').execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'call', entityId: id, before: { followUp: 'open' }, after: change }, newId(), now);
      });
      return get(id);
    },

    async exportCsv(actor: Actor, filter: CallFilter) {
      const [rows, topicList] = [await filtered(filter).limit(20000).execute(), await topics()];
      const topicName = (k: string) => topicList.find((t) => t.key === k)?.ar ?? k;
      const views = rows.map(toView);
      const csv = toCsv(
        ['الوقت', 'الاتجاه', 'الرقم', 'المستفيد', 'الرقم المرجعي', 'اسم المتصل', 'الموضوع', 'الملخص', 'النتيجة', 'المدة (ثانية)', 'الموظف', 'المتابعة', 'موعد المتابعة'],
        views.map((v) => [
          v.startedAt,
          v.direction === 'incoming' ? 'واردة' : 'صادرة',
          v.phone,
          v.beneficiaryName,
          v.beneficiaryReference,
          v.callerName,
          topicName(v.topic),
          v.summary,
          v.outcome,
          v.durationSeconds,
          v.staffName,
          v.followUp,
          v.followUpDue,
        ]),
      );
      const now = clock.now();
      await db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'export', entity: 'call', entityId: null, after: { filter, rows: views.length } }, newId(), now));
      return { fileName: `calls-${filter.day}.csv`, csv, rows: views.length };
    },

    today: () => riyadhDay(clock.now()),
  };
}

export type CallService = ReturnType<typeof createCallService>;
