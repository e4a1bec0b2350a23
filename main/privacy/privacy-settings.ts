/**
 * The ID-document-copies switch. PDPL: identity documents may not be copied unless a law or an
 * authority requires it, so copies are refused until an administrator turns this on. Any feature
 * that stores a scan of an ID must call `assertIdCopiesAllowed` in its write transaction.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { AppError } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';

export const ID_COPIES_SETTING = 'privacy.storeIdDocumentCopies';

export const ID_COPIES_REFUSED = {
  ar: 'لا تُحفظ صور وثائق الهوية (نظام حماية البيانات الشخصية). سجّل بيانات الوثيقة فقط، أو اطلب من مدير النظام تفعيل الحفظ إن أوجبه نظام أو جهة مختصة.',
  en: 'Copies of identity documents are not stored (Personal Data Protection Law). Record the document’s details only, or ask an administrator to enable copies where a law or authority requires them.',
};

export async function idCopiesAllowed(db: Db | Transaction<Database>): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ID_COPIES_SETTING).executeTakeFirst();
  return row?.value === '1';
}

export async function assertIdCopiesAllowed(db: Db | Transaction<Database>): Promise<void> {
  if (!(await idCopiesAllowed(db))) throw new AppError('FORBIDDEN', ID_COPIES_REFUSED, undefined, { reason: 'id_copies_disabled' });
}

export async function setIdCopiesAllowed(deps: { db: Db; clock: Clock; newId: IdGenerator }, actor: Actor, allowed: boolean): Promise<boolean> {
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await idCopiesAllowed(trx);
    await trx
      .insertInto('settings')
      .values({ key: ID_COPIES_SETTING, value: allowed ? '1' : '0', updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: allowed ? '1' : '0', updated_at: at }))
      .execute();
    await appendAudit(trx, actor, { action: 'update', entity: 'setting', entityId: ID_COPIES_SETTING, before, after: allowed }, deps.newId(), now);
  });
  return allowed;
}
