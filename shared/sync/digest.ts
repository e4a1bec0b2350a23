/**
 * Per-range digests: each table's rows fall into 16 ranges by the first hex digit of a hash of
 * their key; a range's digest is its row count plus a hash over `key:rowHash` in key order. The
 * hash function is passed in (Node's md5 in main, PostgreSQL's md5 centrally) so this file stays
 * free of Node.
 */
export const RANGES = '0123456789abcdef'.split('');

export interface RangeDigest {
  table: string;
  range: string;
  count: number;
  digest: string;
}

export interface KeyedHash {
  key: string;
  rowHash: string;
}

export function rangeDigests(table: string, rows: KeyedHash[], md5: (s: string) => string): RangeDigest[] {
  const byRange = new Map<string, KeyedHash[]>();
  for (const r of rows) {
    const range = md5(r.key).charAt(0);
    const list = byRange.get(range) ?? [];
    list.push(r);
    byRange.set(range, list);
  }
  const out: RangeDigest[] = [];
  for (const range of RANGES) {
    const list = (byRange.get(range) ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out.push({ table, range, count: list.length, digest: md5(list.map((r) => `${r.key}:${r.rowHash}`).join(',')) });
  }
  return out;
}

/** The ranges whose count or digest differ between the two sides. */
export function differingRanges(local: RangeDigest[], central: RangeDigest[]): RangeDigest[] {
  const c = new Map(central.map((d) => [`${d.table}/${d.range}`, d]));
  return local.filter((d) => {
    const other = c.get(`${d.table}/${d.range}`);
    return !other || other.count !== d.count || other.digest !== d.digest;
  });
}
