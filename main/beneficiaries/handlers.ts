import type { Db } from '../db/open-database';
import type { beneficiariesContract } from '../../shared/beneficiaries/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { BeneficiaryService } from './beneficiary-service';
import { searchBeneficiaries } from './beneficiary-search';
import { findDuplicates } from './duplicate-check';
import type { CategoryService } from './category-service';

export function beneficiaryHandlers(db: Db, service: BeneficiaryService, categories: CategoryService): HandlersOf<keyof typeof beneficiariesContract> {
  return {
    'beneficiaries:allCategories': () => categories.all(),
    'beneficiaries:saveCategories': (input, ctx) => categories.save(ctx.actor(), input.categories),
    'beneficiaries:categories': async () => {
      const rows = await db.selectFrom('beneficiary_categories').selectAll().where('active', '=', 1).orderBy('sort_order').execute();
      return rows.map((r) => ({ key: r.key, nameAr: r.name_ar, nameEn: r.name_en }));
    },
    'beneficiaries:search': (input) => searchBeneficiaries(db, input.query, input.limit),
    'beneficiaries:get': (input) => service.get(input.id),
    'beneficiaries:create': (input, ctx) => service.create(ctx.actor(), input.data, input.acknowledgedWarnings),
    'beneficiaries:update': (input, ctx) =>
      service.update(ctx.actor(), input.id, input.version, input.data, input.acknowledgedWarnings),
    'beneficiaries:checkDuplicates': (input) => findDuplicates(db, input),
  };
}
