/**
 * The registry's writes and reads. Every write is one transaction holding the record, its
 * household, its reference number and its audit entry: a crash leaves all or nothing.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { BeneficiaryData, BeneficiaryView } from '../../shared/beneficiaries/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { REFERENCE_KINDS } from '../../shared/ids/reference';
import { allocateReference } from '../references/allocate-reference';
import { appendAudit } from '../audit/append-audit';
import { toColumns, toView } from './beneficiary-rows';
import { findDuplicates, warningKey } from './duplicate-check';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface BeneficiaryServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

const DUPLICATE_ID_MESSAGE = {
  ar: 'يوجد مستفيد مسجل بنفس رقم الهوية. افتح سجله بدلاً من إنشاء سجل جديد.',
  en: 'A beneficiary with this ID number is already registered. Open that record instead of creating a new one.',
};
const WARNINGS_MESSAGE = {
  ar: 'يوجد مستفيدون مشابهون (نفس الجوال أو الاسم وسنة الميلاد). راجعهم وأكّد قبل الحفظ.',
  en: 'Similar beneficiaries exist (same mobile, or same name and birth year). Review them and confirm before saving.',
};
const STALE_MESSAGE = {
  ar: 'عدّل شخص آخر هذا السجل منذ فتحته. أعد فتحه؛ ما كتبته لم يُحفظ بعد.',
  en: 'Someone else changed this record since you opened it. Reopen it; what you typed has not been saved yet.',
};

export function createBeneficiaryService({ db, clock, newId }: BeneficiaryServiceDeps) {
  async function readView(trx: Db | Transaction<Database>, id: string): Promise<BeneficiaryView | null> {
    const row = await trx.selectFrom('beneficiaries').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) return null;
    const household = await trx
      .selectFrom('household_members')
      .selectAll()
      .where('beneficiary_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return toView(row, household);
  }

  /** Refuses a duplicate ID outright and unacknowledged warnings with the candidates attached. */
  async function guardDuplicates(trx: Transaction<Database>, data: BeneficiaryData, acknowledged: string[], excludeId: string | null): Promise<void> {
    const candidates = await findDuplicates(trx, {
      excludeId,
      idNumber: data.idNumber,
      mobile: data.mobile,
      firstName: data.firstName,
      fatherName: data.fatherName,
      grandfatherName: data.grandfatherName,
      familyName: data.familyName,
      birthYear: data.birthDate ? Number(data.birthDate.slice(0, 4)) : null,
    });
    const sameId = candidates.find((c) => c.reason === 'same_id');
    if (sameId) {
      throw new AppError('DUPLICATE', DUPLICATE_ID_MESSAGE, [{ path: 'idNumber', message: DUPLICATE_ID_MESSAGE }], {
        existingId: sameId.id,
        existingReference: sameId.reference,
      });
    }
    const unacknowledged = candidates.filter((c) => !acknowledged.includes(warningKey(c)));
    if (unacknowledged.length > 0) {
      throw new AppError('DUPLICATE', WARNINGS_MESSAGE, undefined, { warnings: unacknowledged.map(warningKey).join(',') });
    }
  }

  async function writeHousehold(trx: Transaction<Database>, actor: Actor, beneficiaryId: string, data: BeneficiaryData, at: string) {
    const existing = await trx
      .selectFrom('household_members')
      .select('id')
      .where('beneficiary_id', '=', beneficiaryId)
      .where('deleted_at', 'is', null)
      .execute();
    const kept = new Set(data.household.map((m) => m.id).filter(Boolean));
    for (const gone of existing.filter((e) => !kept.has(e.id))) {
      await trx.updateTable('household_members').set({ deleted_at: at, updated_at: at }).where('id', '=', gone.id).execute();
    }
    const existingIds = new Set(existing.map((e) => e.id));
    for (const m of data.household) {
      const columns = {
        relation: m.relation,
        name: m.name,
        id_number: m.idNumber,
        birth_date: m.birthDate,
        disability: m.disability ? 1 : 0,
        schooling: m.schooling,
        updated_at: at,
      };
      if (m.id && existingIds.has(m.id)) {
        await trx.updateTable('household_members').set(columns).where('id', '=', m.id).execute();
      } else {
        await trx
          .insertInto('household_members')
          .values({ ...columns, id: newId(), beneficiary_id: beneficiaryId, created_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null })
          .execute();
      }
    }
  }

  return {
    async get(id: string): Promise<BeneficiaryView> {
      const view = await readView(db, id);
      if (!view) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
      return view;
    },

    async create(actor: Actor, data: BeneficiaryData, acknowledged: string[]): Promise<BeneficiaryView> {
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      return db.transaction().execute(async (trx) => {
        // Inside the write transaction: no other write can slip in between the check and the insert.
        await guardDuplicates(trx, data, acknowledged, null);
        const reference = await allocateReference(trx, REFERENCE_KINDS.beneficiary, actor.counterCode, now);
        await trx
          .insertInto('beneficiaries')
          .values({
            ...toColumns(data),
            id,
            reference,
            version: 1,
            created_at: at,
            updated_at: at,
            created_by: actor.userId,
            updated_by: actor.userId,
            counter_id: actor.counterId,
            deleted_at: null,
          })
          .execute();
        await writeHousehold(trx, actor, id, data, at);
        const view = (await readView(trx, id))!;
        await appendAudit(trx, actor, { action: 'create', entity: 'beneficiary', entityId: id, after: view }, newId(), now);
        return view;
      });
    },

    async update(actor: Actor, id: string, version: number, data: BeneficiaryData, acknowledged: string[]): Promise<BeneficiaryView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await readView(trx, id);
        if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        if (before.version !== version) throw new AppError('CONFLICT', STALE_MESSAGE);
        await guardDuplicates(trx, data, acknowledged, id);
        await trx
          .updateTable('beneficiaries')
          .set({ ...toColumns(data), version: version + 1, updated_at: at, updated_by: actor.userId })
          .where('id', '=', id)
          .execute();
        await writeHousehold(trx, actor, id, data, at);
        const after = (await readView(trx, id))!;
        await appendAudit(trx, actor, { action: 'update', entity: 'beneficiary', entityId: id, before, after }, newId(), now);
        return after;
      });
    },
  };
}

export type BeneficiaryService = ReturnType<typeof createBeneficiaryService>;
