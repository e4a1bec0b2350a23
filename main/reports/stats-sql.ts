/**
 * Grouped statistics in one SQL pass: count, average, median, 90th percentile and maximum per
 * group and for all groups together (group `__all`). Percentiles are nearest-rank (see
 * shared/reports/percentile.ts): ROW_NUMBER over the sorted values, pick rank ceil(p·n/100).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/open-database';

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
