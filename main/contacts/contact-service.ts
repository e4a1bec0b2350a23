/**
 * Contacts through the other channels. Each one gets a `C-…` reference and may be linked to a
 * beneficiary; `prefill` hands an interview or a support request everything already known, and
 * `markConverted` records which record it became.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import type { ContactData, ContactPrefill, ContactView } from '../../shared/contacts/schemas';
import { allocateReference } from '../references/allocate-reference';
import { appendAudit } from '../audit/append-audit';
import { fullNameOf } from '../beneficiaries/beneficiary-rows';

export const CONTACT_REFERENCE_PREFIX = 'C';
const NO_BENEFICIARY = { ar: 'المستفيد المحدد غير موجود.', en: 'The chosen beneficiary does not exist.' };

export function createContactService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  function baseQuery() {
    return db
      .selectFrom('contacts as c')
      .leftJoin('beneficiaries as b', 'b.id', 'c.beneficiary_id')
      .leftJoin('users as u', 'u.id', 'c.created_by')
      .selectAll('c')
      .select(['b.first_name', 'b.father_name', 'b.grandfather_name', 'b.family_name', 'u.display_name as creator_name'])
      .where('c.deleted_at', 'is', null);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

  const toView = (r: Row): ContactView => ({
    id: r.id,
    reference: r.reference,
    channel: r.channel as ContactView['channel'],
    source: r.source,
    personName: r.person_name,
    phone: r.phone,
    handle: r.handle,
    summary: r.summary,
    beneficiaryId: r.beneficiary_id,
    beneficiaryName: r.first_name ? fullNameOf({ first_name: r.first_name, father_name: r.father_name!, grandfather_name: r.grandfather_name!, family_name: r.family_name! }) : null,
    status: r.status as ContactView['status'],
    convertedKind: r.converted_kind as ContactView['convertedKind'],
    convertedId: r.converted_id,
    receivedAt: r.created_at,
    createdByName: r.creator_name ?? '—',
  });

  async function get(id: string): Promise<ContactView> {
    const row = await baseQuery().where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return toView(row);
  }

  async function change(actor: Actor, id: string, set: Partial<{ status: string; beneficiary_id: string; converted_kind: string; converted_id: string }>) {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('contacts').select(['status', 'beneficiary_id', 'converted_kind', 'converted_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
      if (set.beneficiary_id) {
        const found = await trx.selectFrom('beneficiaries').select('id').where('id', '=', set.beneficiary_id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!found) throw new AppError('VALIDATION', NO_BENEFICIARY);
      }
      await trx.updateTable('contacts').set({ ...set, updated_at: now.toISOString() }).where('id', '=', id).execute();
      await appendAudit(trx, actor, { action: 'update', entity: 'contact', entityId: id, before, after: set }, newId(), now);
    });
    return get(id);
  }

  return {
    get,

    async create(actor: Actor, data: ContactData): Promise<ContactView> {
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (data.beneficiaryId) {
          const found = await trx.selectFrom('beneficiaries').select('id').where('id', '=', data.beneficiaryId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!found) throw new AppError('VALIDATION', NO_BENEFICIARY, [{ path: 'beneficiaryId', message: NO_BENEFICIARY }]);
        }
        const reference = await allocateReference(trx, CONTACT_REFERENCE_PREFIX, actor.counterCode, now);
        const values = {
          id,
          reference,
          channel: data.channel,
          source: data.source,
          person_name: data.personName,
          phone: data.phone,
          handle: data.handle,
          summary: data.summary,
          beneficiary_id: data.beneficiaryId,
          status: 'new',
          converted_kind: null,
          converted_id: null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('contacts').values(values).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'contact', entityId: id, after: values }, newId(), now);
      });
      return get(id);
    },

    async list(filter: { channel?: string | null; status?: string | null; limit: number }): Promise<ContactView[]> {
      let q = baseQuery();
      if (filter.channel) q = q.where('c.channel', '=', filter.channel);
      if (filter.status) q = q.where('c.status', '=', filter.status);
      const rows = await q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit).execute();
      return rows.map(toView);
    },

    setStatus: (actor: Actor, id: string, status: 'new' | 'handled') => change(actor, id, { status }),
    link: (actor: Actor, id: string, beneficiaryId: string) => change(actor, id, { beneficiary_id: beneficiaryId }),
    markConverted: (actor: Actor, id: string, kind: string, targetId: string) => change(actor, id, { status: 'converted', converted_kind: kind, converted_id: targetId }),

    async prefill(id: string): Promise<ContactPrefill> {
      const c = await get(id);
      return {
        contactId: c.id,
        contactReference: c.reference,
        channel: c.channel,
        beneficiaryId: c.beneficiaryId,
        personName: c.personName ?? c.beneficiaryName,
        phone: c.phone,
        summary: c.summary,
        receivedAt: c.receivedAt,
      };
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
