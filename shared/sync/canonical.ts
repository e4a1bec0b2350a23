/**
 * One text form per row, identical on every counter and in the central store, so rows can be
 * compared and digested: keys sorted, local-only columns removed, numbers as JSON writes them.
 */
export type RowValue = string | number | null;
export type Row = Record<string, RowValue>;

export function canonicalRow(row: Row): string {
  const keys = Object.keys(row).sort();
  const out: Record<string, RowValue> = {};
  for (const k of keys) out[k] = row[k] ?? null;
  return JSON.stringify(out);
}

export function sameRow(a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalRow(a) === canonicalRow(b);
}

/** Values compare as SQLite stores them: 1 and 1.0 are the same number. */
export function sameValue(a: RowValue | undefined, b: RowValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
