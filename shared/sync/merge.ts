/**
 * How a pulled row meets the local one. Pure: the caller passes the last state both sides agreed
 * on (`base`), the local row and the remote row, and gets the row to keep plus the conflicts a
 * person must resolve.
 *
 * - `append`: append-mostly records (audit, interviews, calls, letters, receipts, decisions).
 *   Corrections are new rows, so the only way two counters touch one row is an edit of a status
 *   or a soft delete: the later stamp wins for the whole row and nothing is queued.
 * - `fields`: records edited in place (beneficiaries). Fields merge one by one: a field changed on
 *   one side only takes that side's value; a field changed on both sides to different values is
 *   settled by the later stamp, except identity fields, which keep the central value for now and
 *   go to the conflict queue with the local value, so nobody's typing is silently lost.
 *   A field with a rule is settled by the rule instead of the stamp: `earliest` (a time that
 *   means "when it first happened", e.g. a request's decision time) keeps the smaller of two
 *   numbers, whichever side wrote later, so every counter ends with the first event's time.
 */
import { sameValue, type Row, type RowValue } from './canonical';

export type MergeClass = 'append' | 'fields';

/** How a field changed differently on both sides is settled when the stamp should not decide. */
export type FieldRule = 'earliest';

export interface FieldConflict {
  field: string;
  localValue: RowValue;
  remoteValue: RowValue;
}

export interface MergeInput {
  mergeClass: MergeClass;
  identityFields: readonly string[];
  /** Per-field rules (see FieldRule); fields without one follow the class's rule. */
  fieldRules?: Readonly<Record<string, FieldRule>>;
  base: Row | null;
  local: Row | null;
  remote: Row | null;
  /** Encoded HLC of the latest pending local change to this row, and of the remote change. */
  localHlc: string;
  remoteHlc: string;
}

export interface MergeResult {
  row: Row | null;
  conflicts: FieldConflict[];
}

export function mergeRow(input: MergeInput): MergeResult {
  const { base, local, remote } = input;
  const remoteWins = input.remoteHlc > input.localHlc;
  // A hard delete on either side, or a row one side does not have: whole-row rule.
  if (local === null || remote === null) return { row: remoteWins || local === null ? remote : local, conflicts: [] };
  if (input.mergeClass === 'append') return { row: remoteWins ? remote : local, conflicts: [] };

  const row: Row = {};
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const field of [...fields].sort()) {
    const l = local[field] ?? null;
    const r = remote[field] ?? null;
    const b = base ? (base[field] ?? null) : undefined;
    if (sameValue(l, r)) row[field] = l;
    else if (b !== undefined && sameValue(l, b)) row[field] = r;
    else if (b !== undefined && sameValue(r, b)) row[field] = l;
    else if (input.fieldRules?.[field] === 'earliest' && typeof l === 'number' && typeof r === 'number') row[field] = Math.min(l, r);
    else if (input.identityFields.includes(field)) {
      row[field] = r;
      conflicts.push({ field, localValue: l, remoteValue: r });
    } else row[field] = remoteWins ? r : l;
  }
  return { row, conflicts };
}
