/** The admin-editable parts of the counter: support types with their checklists, and the declaration text (a new version on every save). */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { ChecklistItemDef, DeclarationView, SupportType, SupportTypeView } from '../../shared/requests/schemas';
import type { DeclarationVersionsTable, SupportTypesTable } from '../walk-ins/tables';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { userNames } from '../walk-ins/lookups';

function typeView(r: SupportTypesTable): SupportTypeView {
  return { key: r.key as SupportType, nameAr: r.name_ar, nameEn: r.name_en, active: r.active === 1, checklist: JSON.parse(r.checklist_json) as ChecklistItemDef[] };
}

export function createRequestConfigService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function declarationViews(rows: DeclarationVersionsTable[]): Promise<DeclarationView[]> {
    const names = await userNames(db, rows.map((r) => r.created_by));
    return rows.map((r) => ({ version: r.version, textAr: r.text_ar, createdAt: r.created_at, createdBy: names.get(r.created_by) ?? '' }));
  }

  return {
    async types(): Promise<SupportTypeView[]> {
      const rows = await db.selectFrom('support_types').selectAll().orderBy('sort_order').execute();
      return rows.map(typeView);
    },

    async saveType(actor: Actor, input: SupportTypeView): Promise<SupportTypeView> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('support_types').selectAll().where('key', '=', input.key).executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        // Requests already drafted keep the checklist they were opened with; new ones get this one.
        await trx
          .updateTable('support_types')
          .set({ name_ar: input.nameAr, name_en: input.nameEn, active: input.active ? 1 : 0, checklist_json: JSON.stringify(input.checklist), updated_at: now.toISOString() })
          .where('key', '=', input.key)
          .execute();
        const after = (await trx.selectFrom('support_types').selectAll().where('key', '=', input.key).executeTakeFirst())!;
        await appendAudit(trx, actor, { action: 'update', entity: 'support_type', entityId: input.key, before, after }, newId(), now);
        return typeView(after);
      });
    },

    async declaration(): Promise<DeclarationView> {
      const row = await db.selectFrom('declaration_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
      return (await declarationViews([row]))[0]!;
    },

    async declarationHistory(): Promise<DeclarationView[]> {
      return declarationViews(await db.selectFrom('declaration_versions').selectAll().orderBy('version', 'desc').execute());
    },

    /** Signed declarations keep the text and version they were signed with; a save never rewrites them. */
    async saveDeclaration(actor: Actor, textAr: string): Promise<DeclarationView> {
      const now = clock.now();
      const at = now.toISOString();
      const row = await db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('declaration_versions').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
        const row: DeclarationVersionsTable = {
          id: newId(),
          version: (last?.version ?? 0) + 1,
          text_ar: textAr,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('declaration_versions').values(row).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'declaration_version', entityId: row.id, after: row }, newId(), now);
        return row;
      });
      return (await declarationViews([row]))[0]!;
    },
  };
}

export type RequestConfigService = ReturnType<typeof createRequestConfigService>;
