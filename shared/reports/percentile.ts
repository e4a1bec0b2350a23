/**
 * The percentile used everywhere in the reports, the nearest-rank definition: sort the n values
 * ascending; the p-th percentile is the value at 1-based rank ceil(p/100 · n). So the 90th
 * percentile is a value that really occurred, with at least 90 % of the values at or below it
 * (n = 10 → the 9th value; n = 11 → the 10th; n = 1 → that one value). The SQL in
 * main/reports computes the same rank as (p·n + 99) / 100 in integer arithmetic.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[rankOf(values.length, p) - 1]!;
}

/** ceil(p·n/100) for whole p in 1..100, without floating point. */
export function rankOf(n: number, p: number): number {
  return Math.floor((p * n + 99) / 100);
}
