/**
 * One text form per row, identical on every counter and in the central store, so rows can be
 * compared and digested: keys sorted, local-only columns removed, numbers as JSON writes them.
 */
export type RowValue = string | number | null;
export type Row = Record<string, RowValue>;

const sortedKeys = new Map<string, string[]>();

/** Same text as JSON.stringify of the key-sorted object; key orders are cached per shape (hot in bulk). */
export function canonicalRow(row: Row): string {
  const own = Object.keys(row);
  const shape = own.join('\u0000');
  let keys = sortedKeys.get(shape);
  if (!keys) {
    keys = [...own].sort();
    if (sortedKeys.size < 1000) sortedKeys.set(shape, keys);
  }
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out += `${i ? ',' : ''}${JSON.stringify(k)}:${JSON.stringify(row[k] ?? null)}`;
  }
  return `${out}}`;
}

export function sameRow(a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalRow(a) === canonicalRow(b);
}

/** Values compare as SQLite stores them: 1 and 1.0 are the same number. */
export function sameValue(a: RowValue | undefined, b: RowValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * Whether `local` is `central` plus columns that are null locally and absent centrally: the
 * central copy was pushed before a migration added them. Nothing else may differ.
 */
export function sameButNewColumns(local: Row, central: Row): boolean {
  const common: Row = {};
  for (const [k, v] of Object.entries(local)) {
    if (k in central) common[k] = v;
    else if (v !== null) return false;
  }
  return Object.keys(common).length === Object.keys(central).length && canonicalRow(common) === canonicalRow(central);
}
