/**
 * The configurable list of beneficiary categories. Categories are never deleted (records refer
 * to their key): an administrator renames, reorders or deactivates them. One audited transaction.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { appendAudit } from '../audit/append-audit';

export interface CategoryEntry {
  key?: string | null;
  nameAr: string;
  nameEn: string;
  active: boolean;
}

export function createCategoryService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  const all = async (executor = db) =>
    (await executor.selectFrom('beneficiary_categories').selectAll().orderBy('sort_order').execute()).map((r) => ({
      key: r.key,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      active: r.active === 1,
    }));

  return {
    all: () => all(),
    async save(actor: Actor, entries: CategoryEntry[]) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await all(trx);
        // Categories left out of the list stay, after the listed ones, inactive.
        const listed = new Set(entries.map((e) => e.key).filter(Boolean));
        const kept = before.filter((b) => !listed.has(b.key)).map((b) => ({ ...b, active: false }));
        const ordered = [...entries, ...kept];
        for (const [i, e] of ordered.entries()) {
          const key = e.key ?? `c-${newId().slice(-12)}`;
          await trx
            .insertInto('beneficiary_categories')
            .values({ key, name_ar: e.nameAr, name_en: e.nameEn, sort_order: i, active: e.active ? 1 : 0 })
            .onConflict((oc) => oc.column('key').doUpdateSet({ name_ar: e.nameAr, name_en: e.nameEn, sort_order: i, active: e.active ? 1 : 0 }))
            .execute();
        }
        const after = await all(trx);
        await appendAudit(trx, actor, { action: 'update', entity: 'beneficiary_categories', entityId: null, before, after }, newId(), now);
        return after;
      });
    },
  };
}

export type CategoryService = ReturnType<typeof createCategoryService>;
