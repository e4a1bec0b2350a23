/**
 * The seal of a signed declaration: SHA-256 over the canonical content (request, checklist,
 * declaration text) and the signature. Recomputed on every read: when anything it covers has
 * changed since signing, the stored hash no longer matches and the declaration shows as void.
 */
import { createHash } from 'node:crypto';
import { canonicalSealContent, type SealContent } from '../../shared/requests/declaration';
import type { RequestChecklistItemsTable, SupportRequestsTable } from '../walk-ins/tables';

export function sealHash(content: SealContent): string {
  return createHash('sha256').update(canonicalSealContent(content), 'utf8').digest('hex');
}

/** What the seal covers, read from the stored rows; null while nothing has been signed. */
export function sealContentOf(row: SupportRequestsTable, checklist: RequestChecklistItemsTable[]): SealContent | null {
  if (!row.signature_method || row.declaration_version === null || row.declaration_text === null) return null;
  return {
    requestId: row.id,
    beneficiaryId: row.beneficiary_id,
    supportType: row.support_type,
    amount: row.amount,
    items: row.items,
    justification: row.justification,
    checklist: checklist.map((c) => ({ key: c.item_key, verified: c.verified === 1, documentNumber: c.document_number, expiryDate: c.expiry_date })),
    declarationVersion: row.declaration_version,
    declarationText: row.declaration_text,
    signatureMethod: row.signature_method as 'screen' | 'paper',
    signature: row.signature_method === 'screen' ? (row.signature_png ?? '') : `paper:${row.signed_marked_by}:${row.signed_at}`,
  };
}

export function sealIsValid(row: SupportRequestsTable, checklist: RequestChecklistItemsTable[]): boolean {
  const content = sealContentOf(row, checklist);
  return content !== null && row.seal_hash !== null && sealHash(content) === row.seal_hash;
}
