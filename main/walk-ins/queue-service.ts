/**
 * The walk-in queue: a numbered ticket per service on arrival, "call next", no-shows, and the
 * arrival / call / start / end times from which waiting and service times are measured.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { QueueTicketsTable } from './tables';
import type { QueueView, TicketView, TicketStatus } from '../../shared/walk-ins/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { riyadhDay } from './riyadh-day';
import { durationMs } from './ticket-durations';

const NO_SUCH_SERVICE = { ar: 'الخدمة غير موجودة أو موقوفة.', en: 'This service does not exist or is switched off.' };
const QUEUE_EMPTY = { ar: 'لا يوجد أحد في الانتظار.', en: 'Nobody is waiting.' };
const NOT_CALLABLE = {
  ar: 'لا يمكن تسجيل عدم الحضور: التذكرة ليست في الانتظار أو مستدعاة.',
  en: 'Cannot record a no-show: the ticket is not waiting or called.',
};

function minutesBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 60000;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

export function toTicketView(row: QueueTicketsTable, waitingAhead = 0): TicketView {
  return {
    id: row.id,
    serviceKey: row.service_key,
    label: row.label,
    number: row.number,
    day: row.day,
    status: row.status as TicketStatus,
    arrivedAt: row.arrived_at,
    calledAt: row.called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    waitingAhead,
    visitId: row.visit_id,
  };
}

export function createQueueService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function ticket(trx: Db | Transaction<Database>, id: string): Promise<QueueTicketsTable> {
    const row = await trx.selectFrom('queue_tickets').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return row;
  }

  return {
    async services() {
      const rows = await db.selectFrom('queue_services').selectAll().where('active', '=', 1).orderBy('sort_order').execute();
      return rows.map((r) => ({ key: r.key, prefix: r.prefix, nameAr: r.name_ar, nameEn: r.name_en, defaultPurpose: r.default_purpose as 'inquiry' }));
    },

    async take(actor: Actor, serviceKey: string): Promise<TicketView> {
      const now = clock.now();
      const at = now.toISOString();
      const day = riyadhDay(now);
      return db.transaction().execute(async (trx) => {
        const service = await trx.selectFrom('queue_services').selectAll().where('key', '=', serviceKey).where('active', '=', 1).executeTakeFirst();
        if (!service) throw new AppError('NOT_FOUND', NO_SUCH_SERVICE);
        const last = await trx
          .selectFrom('queue_tickets')
          .select((eb) => eb.fn.max('number').as('n'))
          .where('counter_id', '=', actor.counterId)
          .where('day', '=', day)
          .where('service_key', '=', serviceKey)
          .executeTakeFirst();
        const number = Number(last?.n ?? 0) + 1;
        const row: QueueTicketsTable = {
          id: newId(),
          service_key: serviceKey,
          day,
          number,
          label: `${service.prefix}-${String(number).padStart(3, '0')}`,
          status: 'waiting',
          arrived_at: at,
          called_at: null,
          called_by: null,
          started_at: null,
          ended_at: null,
          visit_id: null,
          wait_ms: null,
          service_ms: null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('queue_tickets').values(row).execute();
        const ahead = await trx
          .selectFrom('queue_tickets')
          .select((eb) => eb.fn.countAll<number>().as('c'))
          .where('counter_id', '=', actor.counterId)
          .where('day', '=', day)
          .where('status', '=', 'waiting')
          .where('id', '!=', row.id)
          .executeTakeFirst();
        await appendAudit(trx, actor, { action: 'create', entity: 'queue_ticket', entityId: row.id, after: row }, newId(), now);
        return toTicketView(row, Number(ahead?.c ?? 0));
      });
    },

    async callNext(actor: Actor, serviceKey: string | null): Promise<TicketView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        let q = trx
          .selectFrom('queue_tickets')
          .selectAll()
          .where('counter_id', '=', actor.counterId)
          .where('day', '=', riyadhDay(now))
          .where('status', '=', 'waiting')
          .where('deleted_at', 'is', null);
        if (serviceKey) q = q.where('service_key', '=', serviceKey);
        const next = await q.orderBy('arrived_at').orderBy('id').limit(1).executeTakeFirst();
        if (!next) throw new AppError('NOT_FOUND', QUEUE_EMPTY);
        await trx.updateTable('queue_tickets').set({ status: 'called', called_at: at, called_by: actor.userId, wait_ms: durationMs(next.arrived_at, at), updated_at: at }).where('id', '=', next.id).execute();
        const after = await ticket(trx, next.id);
        await appendAudit(trx, actor, { action: 'update', entity: 'queue_ticket', entityId: next.id, before: next, after }, newId(), now);
        return toTicketView(after);
      });
    },

    async noShow(actor: Actor, ticketId: string): Promise<TicketView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await ticket(trx, ticketId);
        if (before.status !== 'waiting' && before.status !== 'called') throw new AppError('CONFLICT', NOT_CALLABLE);
        await trx.updateTable('queue_tickets').set({ status: 'no_show', ended_at: at, updated_at: at }).where('id', '=', ticketId).execute();
        const after = await ticket(trx, ticketId);
        await appendAudit(trx, actor, { action: 'update', entity: 'queue_ticket', entityId: ticketId, before, after }, newId(), now);
        return toTicketView(after);
      });
    },

    async today(actor: Actor): Promise<QueueView> {
      const day = riyadhDay(clock.now());
      const rows = await db
        .selectFrom('queue_tickets')
        .selectAll()
        .where('counter_id', '=', actor.counterId)
        .where('day', '=', day)
        .where('deleted_at', 'is', null)
        .orderBy('arrived_at')
        .orderBy('number')
        .execute();
      const done = rows.filter((r) => r.status === 'done' && r.called_at && r.started_at && r.ended_at);
      return {
        day,
        tickets: rows.map((r) => toTicketView(r)),
        waiting: rows.filter((r) => r.status === 'waiting').length,
        served: rows.filter((r) => r.status === 'done').length,
        noShows: rows.filter((r) => r.status === 'no_show').length,
        medianWaitMinutes: median(done.map((r) => minutesBetween(r.arrived_at, r.called_at!))),
        medianServiceMinutes: median(done.map((r) => minutesBetween(r.started_at!, r.ended_at!))),
      };
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
