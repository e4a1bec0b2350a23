/** Reading a support request and everything hanging off it into its view. */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { RequestChecklistItemsTable, SupportRequestsTable } from '../walk-ins/tables';
import type { RequestView } from '../../shared/requests/schemas';
import type { RequestStatus } from '../../shared/requests/status';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { beneficiaryBrief, userNames } from '../walk-ins/lookups';
import { sealIsValid } from './seal';

type Reader = Db | Transaction<Database>;

export async function requestRow(trx: Reader, id: string): Promise<SupportRequestsTable> {
  const row = await trx.selectFrom('support_requests').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
  return row;
}

export async function checklistRows(trx: Reader, requestId: string): Promise<RequestChecklistItemsTable[]> {
  return trx.selectFrom('request_checklist_items').selectAll().where('request_id', '=', requestId).where('deleted_at', 'is', null).orderBy('sort_order').execute();
}

export function checklistComplete(items: RequestChecklistItemsTable[]): boolean {
  return items.every((i) => i.verified === 1);
}

export async function requestView(trx: Reader, row: SupportRequestsTable): Promise<RequestView> {
  const b = await beneficiaryBrief(trx, row.beneficiary_id);
  const items = await checklistRows(trx, row.id);
  const decisions = await trx.selectFrom('request_decisions').selectAll().where('request_id', '=', row.id).where('deleted_at', 'is', null).orderBy('created_at').execute();
  const deliveries = await trx.selectFrom('service_deliveries').selectAll().where('request_id', '=', row.id).where('deleted_at', 'is', null).orderBy('created_at').execute();
  const names = await userNames(trx, [row.created_by, row.signed_marked_by, ...items.map((i) => i.verified_by), ...decisions.map((d) => d.created_by), ...deliveries.map((d) => d.created_by)]);
  const name = (id: string | null) => (id ? (names.get(id) ?? '') : '');
  return {
    id: row.id,
    reference: row.reference,
    beneficiaryId: b.id,
    beneficiaryName: b.fullName,
    beneficiaryReference: b.reference,
    maskedId: b.maskedId,
    visitId: row.visit_id,
    supportType: row.support_type as RequestView['supportType'],
    amount: row.amount,
    items: row.items,
    justification: row.justification,
    status: row.status as RequestStatus,
    version: row.version,
    checklist: items.map((i) => ({
      id: i.id,
      key: i.item_key,
      labelAr: i.label_ar,
      labelEn: i.label_en,
      needsNumber: i.needs_number === 1,
      needsExpiry: i.needs_expiry === 1,
      identity: i.identity === 1,
      verified: i.verified === 1,
      documentNumber: i.document_number,
      expiryDate: i.expiry_date,
      note: i.note,
      verifiedAt: i.verified_at,
      verifiedBy: i.verified_by ? name(i.verified_by) : null,
    })),
    checklistComplete: checklistComplete(items),
    seal:
      row.signature_method && row.seal_hash && row.signed_at
        ? {
            method: row.signature_method as 'screen' | 'paper',
            declarationVersion: row.declaration_version ?? 0,
            declarationText: row.declaration_text ?? '',
            signaturePng: row.signature_png,
            signedAt: row.signed_at,
            markedBy: name(row.signed_marked_by),
            hash: row.seal_hash,
            valid: sealIsValid(row, items),
          }
        : null,
    submittedAt: row.submitted_at,
    earliestDecisionAt: row.earliest_decision_at,
    decisions: decisions.map((d) => ({ decision: d.decision as 'accept', reason: d.reason, at: d.created_at, by: name(d.created_by) })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      reference: d.reference,
      description: d.description,
      amount: d.amount,
      quantity: d.quantity,
      deliveredOn: d.delivered_on,
      at: d.created_at,
      by: name(d.created_by),
    })),
    createdAt: row.created_at,
    createdBy: name(row.created_by),
  };
}
