/**
 * Grouped statistics in one SQL pass: count, average, median, 90th percentile and maximum per
 * group and for all groups together (group `__all`). Percentiles are nearest-rank (see
 * shared/reports/percentile.ts): ROW_NUMBER over the sorted values, pick rank ceil(p·n/100).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/open-database';
import { rankOf } from '../../shared/reports/percentile';

export interface GroupStats {
  g: string;
  n: number;
  avg: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * `base` must select columns `g` (text) and `m` (number); null `m` rows are ignored. With
 * `total: false` the rows are not doubled into `__all` (half the sorting): for a single group,
 * select `'__all' AS g` yourself.
 */
export async function groupedStats(
  db: Db,
  base: RawBuilder<unknown>,
  { total = true, extra }: { total?: boolean; /** More aggregates over `m`, e.g. bucket counts, in the same pass. */ extra?: RawBuilder<unknown> } = {},
): Promise<Map<string, GroupStats & Record<string, number | null>>> {
  const all = total ? sql`UNION ALL SELECT '__all' AS g, m FROM base WHERE m IS NOT NULL` : sql``;
  const rows = await sql<GroupStats & Record<string, number | null>>`
    WITH base AS MATERIALIZED (${base}),
    grouped AS (SELECT g, m FROM base WHERE m IS NOT NULL ${all}),
    ranked AS (
      SELECT g, m, ROW_NUMBER() OVER (PARTITION BY g ORDER BY m) AS rn, COUNT(*) OVER (PARTITION BY g) AS n FROM grouped
    )
    SELECT g, n, AVG(m) AS avg,
      MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN m END) AS p50,
      MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN m END) AS p90,
      MAX(m) AS max ${extra ? sql`, ${extra}` : sql``}
    FROM ranked GROUP BY g, n`.execute(db);
  return new Map(rows.rows.map((r) => [r.g, r]));
}

/** One decimal place, as every figure is shown. */
export function round1(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}

/** `AND <alias>.counter_id = ?` when a counter is chosen. */
export function counterClause(alias: string, counterId: string | null): RawBuilder<unknown> {
  return counterId ? sql`AND ${sql.ref(`${alias}.counter_id`)} = ${counterId}` : sql``;
}

type Col = string | RawBuilder<unknown> | ReturnType<typeof sql.ref>;
const col = (c: Col) => (typeof c === 'string' ? sql.ref(c) : c);

/**
 * Minutes between two ISO instants. unixepoch(…, 'subsec') keeps milliseconds and, unlike
 * julianday arithmetic, gives exact whole minutes, so a 5-minute wait lands in the 5–10 bucket.
 */
export function minutesBetween(from: Col, to: Col): RawBuilder<unknown> {
  return sql`((unixepoch(${col(to)}, 'subsec') - unixepoch(${col(from)}, 'subsec')) / 60.0)`;
}

export function daysBetween(from: Col, to: Col): RawBuilder<unknown> {
  return sql`((unixepoch(${col(to)}, 'subsec') - unixepoch(${col(from)}, 'subsec')) / 86400.0)`;
}

export interface ColumnStats {
  n: number;
  avg: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
  /** Rows with lo ≤ value < hi (hi null: no upper bound), per bucket key. */
  buckets: Record<string, number>;
}

/**
 * The same figures as groupedStats for ONE group, over a stored number a covering index holds
 * (e.g. queue_tickets.wait_ms): `from` is a `FROM … WHERE …` fragment, `value` the column. One
 * aggregate pass over the index gives n, average, maximum and bucket counts; knowing those, each
 * nearest-rank value is one bounded sort of the bare numbers of the bucket that holds its rank
 * (ORDER BY … LIMIT 1 OFFSET), with no timestamps to parse and no window functions (a windowed
 * pass cost twice as much). Exact: the ranks are the definition's ceil(p·n/100). `from` must end
 * in its WHERE clause (conditions are appended with AND).
 */
interface Segment {
  lo: number | null;
  hi: number | null;
  count: number;
}

/**
 * The value line cut at the bucket bounds, with the number of values in each piece, in order.
 * Only when the buckets are contiguous and open-ended at the top (as the report's are); otherwise
 * one piece holding everything.
 */
function segmentsOf(buckets: readonly (readonly [string, number, number | null])[], counts: Record<string, number>, n: number): Segment[] {
  const contiguous = buckets.length > 0 && buckets.every(([, lo, hi], i) => (i === buckets.length - 1 ? hi === null : hi !== null && buckets[i + 1]![1] === hi && hi > lo));
  if (!contiguous) return [{ lo: null, hi: null, count: n }];
  const inBuckets = buckets.reduce((sum, [key]) => sum + (counts[key] ?? 0), 0);
  return [{ lo: null, hi: buckets[0]![1], count: n - inBuckets }, ...buckets.map(([key, lo, hi]) => ({ lo, hi, count: counts[key] ?? 0 }))];
}

export async function columnStats(
  db: Db,
  from: RawBuilder<unknown>,
  value: RawBuilder<unknown>,
  buckets: readonly (readonly [key: string, lo: number, hi: number | null])[] = [],
): Promise<ColumnStats> {
  // The queries hold the one connection together, so no write lands between the count and the ranks.
  return db.connection().execute((conn) => columnStatsOn(conn, from, value, buckets));
}

async function columnStatsOn(
  db: Db,
  from: RawBuilder<unknown>,
  value: RawBuilder<unknown>,
  buckets: readonly (readonly [key: string, lo: number, hi: number | null])[],
): Promise<ColumnStats> {
  const sums = buckets.map(([key, lo, hi]) => sql`SUM(${value} >= ${lo}${hi === null ? sql`` : sql` AND ${value} < ${hi}`}) AS ${sql.ref(key)}`);
  const agg = await sql<Record<string, number | null>>`
    SELECT COUNT(*) AS n, AVG(${value}) AS avg, MAX(${value}) AS max ${sums.length ? sql`, ${sql.join(sums)}` : sql``} ${from}`.execute(db);
  const a = agg.rows[0] ?? {};
  const n = Number(a.n ?? 0);
  const counts = Object.fromEntries(buckets.map(([key]) => [key, Number(a[key] ?? 0)]));
  if (n === 0) return { n, avg: null, p50: null, p90: null, max: null, buckets: counts };
  // The counts per bucket are known, so a rank is looked for only among the values of the bucket
  // that holds it (below the first bucket, in one, or none if the buckets have gaps); within it, from
  // the nearer end: SQLite's sorter under LIMIT/OFFSET keeps only limit + offset rows.
  const segments = segmentsOf(buckets, counts, n);
  const nth = async (rank: number) => {
    let below = 0;
    let seg = segments.find((x) => {
      if (rank <= below + x.count) return true;
      below += x.count;
      return false;
    });
    if (!seg) [seg, below] = [{ lo: null, hi: null, count: n }, 0];
    const q = rank - below;
    const fromTop = q > seg.count / 2;
    const within = sql`${seg.lo === null ? sql`` : sql` AND ${value} >= ${seg.lo}`}${seg.hi === null ? sql`` : sql` AND ${value} < ${seg.hi}`}`;
    const r = await sql<{ v: number }>`SELECT ${value} AS v ${from}${within} ORDER BY v ${fromTop ? sql`DESC` : sql`ASC`} LIMIT 1 OFFSET ${fromTop ? seg.count - q : q - 1}`.execute(db);
    return r.rows[0]?.v ?? null;
  };
  const p = { p50: await nth(rankOf(n, 50)), p90: await nth(rankOf(n, 90)) };
  return { n, avg: a.avg ?? null, p50: p.p50, p90: p.p90, max: a.max ?? null, buckets: counts };
}
