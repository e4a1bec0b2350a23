/** The volunteers registry: one record per person (one live record per ID number), `V-…` references. */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import type { VolunteerData, VolunteerView } from '../../shared/volunteers/schemas';
import type { VolunteersTable } from '../calls/call-schema-types';
import { normaliseArabic } from '../../shared/text/arabic-normalise';
import { toLatinDigits } from '../../shared/text/digits';
import { allocateReference } from '../references/allocate-reference';
import { appendAudit } from '../audit/append-audit';

export const VOLUNTEER_REFERENCE_PREFIX = 'V';
const DUPLICATE = { ar: 'يوجد متطوع مسجل بنفس رقم الهوية.', en: 'A volunteer with this ID number is already registered.' };
const STALE = { ar: 'عدّل شخص آخر هذا السجل منذ فتحته. أعد فتحه.', en: 'Someone else changed this record since you opened it. Reopen it.' };

function toView(r: VolunteersTable): VolunteerView {
  return {
    id: r.id,
    reference: r.reference,
    name: r.name,
    idNumber: r.id_number,
    phone: r.phone,
    skills: JSON.parse(r.skills_json) as string[],
    availability: JSON.parse(r.availability_json) as VolunteerView['availability'],
    status: r.status as VolunteerView['status'],
    notes: r.notes,
    contactId: r.contact_id,
    createdAt: r.created_at,
    version: r.version,
  };
}

function columns(d: VolunteerData) {
  return {
    name: d.name,
    id_number: d.idNumber,
    phone: d.phone,
    skills_json: JSON.stringify(d.skills),
    availability_json: JSON.stringify(d.availability),
    status: d.status,
    notes: d.notes,
    contact_id: d.contactId,
  };
}

export function createVolunteerService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function get(id: string): Promise<VolunteerView> {
    const row = await db.selectFrom('volunteers').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return toView(row);
  }

  async function guardDuplicate(idNumber: string, excludeId: string | null) {
    let q = db.selectFrom('volunteers').select('id').where('id_number', '=', idNumber).where('deleted_at', 'is', null);
    if (excludeId) q = q.where('id', '!=', excludeId);
    if (await q.executeTakeFirst()) throw new AppError('DUPLICATE', DUPLICATE, [{ path: 'idNumber', message: DUPLICATE }]);
  }

  return {
    get,

    async create(actor: Actor, data: VolunteerData): Promise<VolunteerView> {
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      await guardDuplicate(data.idNumber, null);
      await db.transaction().execute(async (trx) => {
        const reference = await allocateReference(trx, VOLUNTEER_REFERENCE_PREFIX, actor.counterCode, now);
        const values = { ...columns(data), id, reference, version: 1, created_at: at, updated_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null };
        await trx.insertInto('volunteers').values(values).execute();
        // A volunteer sign-up contact that became this record says so.
        if (data.contactId) {
          await trx.updateTable('contacts').set({ status: 'converted', converted_kind: 'volunteer', converted_id: id, updated_at: at }).where('id', '=', data.contactId).execute();
        }
        await appendAudit(trx, actor, { action: 'create', entity: 'volunteer', entityId: id, after: values }, newId(), now);
      });
      return get(id);
    },

    async update(actor: Actor, id: string, version: number, data: VolunteerData): Promise<VolunteerView> {
      const now = clock.now();
      const before = await get(id);
      if (before.version !== version) throw new AppError('CONFLICT', STALE);
      await guardDuplicate(data.idNumber, id);
      await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('volunteers')
          .set({ ...columns(data), version: version + 1, updated_at: now.toISOString() })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', STALE);
        await appendAudit(trx, actor, { action: 'update', entity: 'volunteer', entityId: id, before, after: columns(data) }, newId(), now);
      });
      return get(id);
    },

    async list(query: string, status?: string | null): Promise<VolunteerView[]> {
      let q = db.selectFrom('volunteers').selectAll().where('deleted_at', 'is', null);
      if (status) q = q.where('status', '=', status);
      const rows = (await q.orderBy('created_at', 'desc').limit(1000).execute()).map(toView);
      const text = normaliseArabic(toLatinDigits(query));
      if (!text) return rows;
      return rows.filter((v) => normaliseArabic([v.name, v.idNumber, v.phone, v.reference, ...v.skills].join(' ')).includes(text));
    },
  };
}

export type VolunteerService = ReturnType<typeof createVolunteerService>;
