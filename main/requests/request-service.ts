/**
 * Support requests through their whole life: draft with its checklist, verification at
 * submission, the signed and sealed declaration, submission with a reference number, the
 * committee's decision, the delivered service and closing. Every status change goes through
 * `transition()` and is audited in the same transaction as the write.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { SupportRequestsTable } from '../walk-ins/tables';
import type { ChecklistItemDef, RequestView, SupportType } from '../../shared/requests/schemas';
import { AppError, GENERIC_MESSAGES, type Bilingual } from '../../shared/errors/app-error';
import { transition, earliestDecisionDate, daysSince, type RequestAction, type RequestStatus } from '../../shared/requests/status';
import { appendAudit } from '../audit/append-audit';
import { allocateReference } from '../references/allocate-reference';
import { beneficiaryBrief } from '../walk-ins/lookups';
import { assertCurrentConsent } from '../privacy/consent-gate';
import { riyadhDay } from '../walk-ins/riyadh-day';
import { checklistComplete, checklistRows, requestRow, requestView } from './request-rows';
import { decisionMsOf } from './decision-time';
import { sealContentOf, sealHash, sealIsValid } from './seal';
import { currentDeclaration, filledDeclaration } from './declaration-fill';

/** Reference prefixes: R = support request, D = delivery receipt. */
export const REQUEST_PREFIX = 'R';
export const DELIVERY_PREFIX = 'D';

const MSG = {
  stale: { ar: 'عدّل شخص آخر هذا الطلب منذ فتحته. أعد فتحه؛ ما كتبته لم يُحفظ بعد.', en: 'Someone else changed this request since you opened it. Reopen it; what you typed is not saved yet.' },
  noType: { ar: 'نوع الدعم غير متاح.', en: 'This support type is not available.' },
  expired: { ar: 'الوثيقة منتهية الصلاحية؛ لا يمكن اعتمادها. اطلب وثيقة سارية.', en: 'The document has expired; it cannot be marked valid. Ask for a valid one.' },
  numberNeeded: { ar: 'اكتب رقم الوثيقة قبل اعتمادها.', en: 'Enter the document number before marking it verified.' },
  expiryNeeded: { ar: 'اكتب تاريخ انتهاء الوثيقة قبل اعتمادها.', en: 'Enter the expiry date before marking it verified.' },
  incomplete: { ar: 'لا يمكن رفع الطلب: لم يُتحقق من كل المستندات المطلوبة.', en: 'Cannot submit: not every required document has been verified.' },
  unsigned: { ar: 'لا يمكن رفع الطلب: لم يوقّع مقدم الطلب على الإقرار.', en: 'Cannot submit: the applicant has not signed the declaration.' },
  voidSeal: { ar: 'لا يمكن رفع الطلب: تغيّر الطلب بعد التوقيع فأصبح الإقرار لاغياً. اطلب توقيعاً جديداً.', en: 'Cannot submit: the request changed after signing, so the declaration is void. Have it signed again.' },
  signNeedsChecklist: { ar: 'أكمل التحقق من المستندات قبل توقيع الإقرار.', en: 'Finish verifying the documents before the declaration is signed.' },
  noDelivery: { ar: 'اكتب المبلغ أو الكمية المسلّمة.', en: 'Enter the amount or the quantity delivered.' },
} satisfies Record<string, Bilingual>;

const DECISION_ACTION: Record<'accept' | 'reject' | 'request_info', RequestAction> = { accept: 'accept', reject: 'reject', request_info: 'request_info' };

function refuse(message: Bilingual, path?: string): never {
  throw new AppError(path ? 'VALIDATION' : 'CONFLICT', message, path ? [{ path, message }] : undefined);
}

function guard(from: string, action: RequestAction): RequestStatus {
  const result = transition(from as RequestStatus, action);
  if (!result.ok) throw new AppError('CONFLICT', result.message);
  return result.to;
}

export interface DraftData {
  supportType: SupportType;
  amount: number | null;
  items: string | null;
  justification: string;
}

export function createRequestService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function audit(trx: Transaction<Database>, actor: Actor, id: string, before: unknown, now: Date, action: 'create' | 'update' = 'update') {
    const after = await requestRow(trx, id);
    await appendAudit(trx, actor, { action, entity: 'support_request', entityId: id, before, after: { ...after, signature_png: after.signature_png ? '[png]' : null } }, newId(), now);
    return requestView(trx, after);
  }

  async function supportType(trx: Db | Transaction<Database>, key: string) {
    const type = await trx.selectFrom('support_types').selectAll().where('key', '=', key).where('active', '=', 1).executeTakeFirst();
    if (!type) refuse(MSG.noType, 'supportType');
    return type;
  }

  return {
    async get(id: string): Promise<RequestView> {
      return requestView(db, await requestRow(db, id));
    },

    async createDraft(actor: Actor, input: { visitId?: string | null; beneficiaryId: string; data: DraftData }): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        await beneficiaryBrief(trx, input.beneficiaryId);
        await assertCurrentConsent(trx, input.beneficiaryId, now);
        const type = await supportType(trx, input.data.supportType);
        const id = newId();
        const row: SupportRequestsTable = {
          id,
          reference: null,
          beneficiary_id: input.beneficiaryId,
          visit_id: input.visitId ?? null,
          support_type: input.data.supportType,
          amount: input.data.amount,
          items: input.data.items,
          justification: input.data.justification,
          status: 'draft',
          version: 1,
          updated_by: actor.userId,
          submitted_at: null,
          decision_ms: null,
          earliest_decision_at: null,
          signature_method: null,
          signature_png: null,
          declaration_version: null,
          declaration_text: null,
          signed_at: null,
          signed_marked_by: null,
          seal_hash: null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        await trx.insertInto('support_requests').values(row).execute();
        const checklist = JSON.parse(type.checklist_json) as ChecklistItemDef[];
        for (const [i, item] of checklist.entries()) {
          await trx
            .insertInto('request_checklist_items')
            .values({
              id: newId(),
              request_id: id,
              item_key: item.key,
              label_ar: item.labelAr,
              label_en: item.labelEn,
              needs_number: item.needsNumber ? 1 : 0,
              needs_expiry: item.needsExpiry ? 1 : 0,
              identity: item.identity ? 1 : 0,
              sort_order: i,
              verified: 0,
              document_number: null,
              expiry_date: null,
              note: null,
              verified_at: null,
              verified_by: null,
              created_at: at,
              updated_at: at,
              created_by: actor.userId,
              counter_id: actor.counterId,
              deleted_at: null,
            })
            .execute();
        }
        return audit(trx, actor, id, undefined, now, 'create');
      });
    },

    /** Editing keeps the old seal in place, so a signed request that changed shows its declaration as void. */
    async updateDraft(actor: Actor, id: string, version: number, data: DraftData): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, id);
        guard(before.status, 'edit');
        if (before.version !== version) throw new AppError('CONFLICT', MSG.stale);
        if (data.supportType !== before.support_type) await supportType(trx, data.supportType);
        await trx
          .updateTable('support_requests')
          .set({ support_type: data.supportType, amount: data.amount, items: data.items, justification: data.justification, version: version + 1, updated_at: at, updated_by: actor.userId })
          .where('id', '=', id)
          .execute();
        return audit(trx, actor, id, before, now);
      });
    },

    async verifyItem(
      actor: Actor,
      input: { requestId: string; itemId: string; verified: boolean; documentNumber: string | null; expiryDate: string | null; note: string | null },
    ): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, input.requestId);
        guard(before.status, 'edit');
        const item = await trx
          .selectFrom('request_checklist_items')
          .selectAll()
          .where('id', '=', input.itemId)
          .where('request_id', '=', input.requestId)
          .executeTakeFirst();
        if (!item) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        if (input.verified) {
          if (item.needs_number && !input.documentNumber) refuse(MSG.numberNeeded, 'documentNumber');
          if (item.needs_expiry && !input.expiryDate) refuse(MSG.expiryNeeded, 'expiryDate');
          // Valid at the time of submission: a document that expired before today is refused.
          if (input.expiryDate && input.expiryDate < riyadhDay(now)) refuse(MSG.expired, 'expiryDate');
        }
        await trx
          .updateTable('request_checklist_items')
          .set({
            verified: input.verified ? 1 : 0,
            document_number: input.documentNumber,
            expiry_date: input.expiryDate,
            note: input.note,
            verified_at: input.verified ? at : null,
            verified_by: input.verified ? actor.userId : null,
            updated_at: at,
          })
          .where('id', '=', item.id)
          .execute();
        await trx.updateTable('support_requests').set({ version: before.version + 1, updated_at: at, updated_by: actor.userId }).where('id', '=', before.id).execute();
        return audit(trx, actor, before.id, { request: before, item }, now);
      });
    },

    async sign(actor: Actor, input: { id: string; version: number; method: 'screen' | 'paper'; signaturePng?: string }): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, input.id);
        guard(before.status, 'sign');
        if (before.version !== input.version) throw new AppError('CONFLICT', MSG.stale);
        const items = await checklistRows(trx, before.id);
        if (!checklistComplete(items)) refuse(MSG.signNeedsChecklist);
        const declaration = await currentDeclaration(trx);
        const text = await filledDeclaration(trx, before, declaration.text_ar, now);
        const signed: SupportRequestsTable = {
          ...before,
          signature_method: input.method,
          signature_png: input.method === 'screen' ? (input.signaturePng ?? null) : null,
          declaration_version: declaration.version,
          declaration_text: text,
          signed_at: at,
          signed_marked_by: actor.userId,
          version: before.version + 1,
          updated_at: at,
          updated_by: actor.userId,
        };
        const hash = sealHash(sealContentOf(signed, items)!);
        await trx
          .updateTable('support_requests')
          .set({
            signature_method: signed.signature_method,
            signature_png: signed.signature_png,
            declaration_version: signed.declaration_version,
            declaration_text: signed.declaration_text,
            signed_at: at,
            signed_marked_by: actor.userId,
            seal_hash: hash,
            version: signed.version,
            updated_at: at,
            updated_by: actor.userId,
          })
          .where('id', '=', before.id)
          .execute();
        return audit(trx, actor, before.id, { ...before, signature_png: before.signature_png ? '[png]' : null }, now);
      });
    },

    async submit(actor: Actor, id: string, version: number): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, id);
        const to = guard(before.status, 'submit');
        if (before.version !== version) throw new AppError('CONFLICT', MSG.stale);
        // Consent may have been withdrawn (or a new notice published) since the draft.
        await assertCurrentConsent(trx, before.beneficiary_id, now);
        const items = await checklistRows(trx, id);
        if (!checklistComplete(items)) refuse(MSG.incomplete);
        if (!before.seal_hash) refuse(MSG.unsigned);
        if (!sealIsValid(before, items)) refuse(MSG.voidSeal);
        const reference = before.reference ?? (await allocateReference(trx, REQUEST_PREFIX, actor.counterCode, now));
        await trx
          .updateTable('support_requests')
          .set({
            status: to,
            reference,
            submitted_at: at,
            // A new submission waits for a new decision (the decision-time report measures from here).
            decision_ms: await decisionMsOf(trx, id, at),
            earliest_decision_at: earliestDecisionDate(now).toISOString(),
            version: before.version + 1,
            updated_at: at,
            updated_by: actor.userId,
          })
          .where('id', '=', id)
          .execute();
        return audit(trx, actor, id, { ...before, signature_png: before.signature_png ? '[png]' : null }, now);
      });
    },

    async list(statuses: RequestStatus[]) {
      const now = clock.now();
      const rows = await db
        .selectFrom('support_requests')
        .selectAll()
        .where('status', 'in', statuses)
        .where('deleted_at', 'is', null)
        .where('submitted_at', 'is not', null)
        .orderBy('submitted_at')
        .limit(500)
        .execute();
      return Promise.all(
        rows.map(async (r) => {
          const b = await beneficiaryBrief(db, r.beneficiary_id);
          return {
            id: r.id,
            reference: r.reference ?? '',
            beneficiaryName: b.fullName,
            supportType: r.support_type as SupportType,
            amount: r.amount,
            items: r.items,
            status: r.status as RequestStatus,
            submittedAt: r.submitted_at!,
            daysSinceSubmission: daysSince(new Date(r.submitted_at!), now),
            earliestDecisionAt: r.earliest_decision_at ?? r.submitted_at!,
          };
        }),
      );
    },

    async forBeneficiary(beneficiaryId: string): Promise<RequestView[]> {
      const rows = await db.selectFrom('support_requests').selectAll().where('beneficiary_id', '=', beneficiaryId).where('deleted_at', 'is', null).orderBy('created_at', 'desc').execute();
      return Promise.all(rows.map((r) => requestView(db, r)));
    },

    async decide(actor: Actor, input: { id: string; decision: 'accept' | 'reject' | 'request_info'; reason: string }): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, input.id);
        const to = guard(before.status, DECISION_ACTION[input.decision]);
        await trx
          .insertInto('request_decisions')
          .values({ id: newId(), request_id: before.id, decision: input.decision, reason: input.reason, created_at: at, updated_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null })
          .execute();
        // The first decision after the submission fixes the decision time (migration 0014), in the same transaction.
        // The decision time (migration 0014) is fixed in the same transaction as the decision.
        const decisionMs = await decisionMsOf(trx, before.id, before.submitted_at);
        await trx.updateTable('support_requests').set({ status: to, decision_ms: decisionMs, version: before.version + 1, updated_at: at, updated_by: actor.userId }).where('id', '=', before.id).execute();
        return audit(trx, actor, before.id, { ...before, signature_png: before.signature_png ? '[png]' : null }, now);
      });
    },

    async deliver(actor: Actor, input: { id: string; description: string; amount: number | null; quantity: number | null; deliveredOn: string | null }): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, input.id);
        const to = guard(before.status, 'deliver');
        if (input.amount === null && input.quantity === null) refuse(MSG.noDelivery, 'amount');
        const reference = await allocateReference(trx, DELIVERY_PREFIX, actor.counterCode, now);
        await trx
          .insertInto('service_deliveries')
          .values({
            id: newId(),
            request_id: before.id,
            beneficiary_id: before.beneficiary_id,
            reference,
            description: input.description,
            amount: input.amount,
            quantity: input.quantity,
            delivered_on: input.deliveredOn ?? riyadhDay(now),
            created_at: at,
            updated_at: at,
            created_by: actor.userId,
            counter_id: actor.counterId,
            deleted_at: null,
          })
          .execute();
        await trx.updateTable('support_requests').set({ status: to, version: before.version + 1, updated_at: at, updated_by: actor.userId }).where('id', '=', before.id).execute();
        return audit(trx, actor, before.id, { ...before, signature_png: before.signature_png ? '[png]' : null }, now);
      });
    },

    async close(actor: Actor, id: string): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await requestRow(trx, id);
        const to = guard(before.status, 'close');
        await trx.updateTable('support_requests').set({ status: to, version: before.version + 1, updated_at: at, updated_by: actor.userId }).where('id', '=', id).execute();
        return audit(trx, actor, id, { ...before, signature_png: before.signature_png ? '[png]' : null }, now);
      });
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
