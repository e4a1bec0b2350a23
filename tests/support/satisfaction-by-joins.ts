/**
 * The satisfaction reports as defined before migration 0015 (report-tables.ts until then): every
 * rating of the range joined to its visit (staff member) and the visit's ticket (service) by text
 * key, counted per group and for the whole range in one pass. The test compares the stored-column
 * report with it, and the reports bench times it as the baseline.
 */
import { sql } from 'kysely';
import type { Db } from '../../main/db/open-database';
import { boundsOf } from '../../main/reports/range-bounds';

export type SatisfactionId = 'satisfactionByService' | 'satisfactionByStaff';
type Line = (number | null)[];

export async function satisfactionByJoins(db: Db, id: SatisfactionId, range: { from: string; to: string; counterId: string | null }): Promise<{ rows: [string, Line][]; total: Line }> {
  const b = boundsOf(range);
  const group = id === 'satisfactionByService' ? sql`COALESCE(t.service_key, '__none')` : sql`COALESCE(v.created_by, '__unknown')`;
  const r = await sql<{ g: string; n: number; good: number; avg: number; r1: number; r2: number; r3: number; r4: number; r5: number }>`
    WITH s AS MATERIALIZED (
      SELECT ${group} AS g, s.rating FROM satisfaction_ratings s
      JOIN visits v ON v.id = s.visit_id
      LEFT JOIN queue_tickets t ON t.id = v.ticket_id
      WHERE s.deleted_at IS NULL AND s.created_at >= ${b.start} AND s.created_at < ${b.end} ${b.counterId ? sql`AND s.counter_id = ${b.counterId}` : sql``}
    ), both AS (SELECT g, rating FROM s UNION ALL SELECT '__all', rating FROM s)
    SELECT g, COUNT(*) AS n, SUM(rating >= 4) AS good, AVG(rating) AS avg,
      SUM(rating = 1) AS r1, SUM(rating = 2) AS r2, SUM(rating = 3) AS r3, SUM(rating = 4) AS r4, SUM(rating = 5) AS r5
    FROM both GROUP BY g ORDER BY COUNT(*) DESC, g`.execute(db);
  const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  const line = (x: (typeof r.rows)[number]): Line => [Number(x.n), round1((100 * Number(x.good)) / Number(x.n)), round1(x.avg), Number(x.r1), Number(x.r2), Number(x.r3), Number(x.r4), Number(x.r5)];
  const all = r.rows.find((x) => x.g === '__all');
  return { rows: r.rows.filter((x) => x.g !== '__all').map((x) => [x.g, line(x)]), total: all ? line(all) : [0, null, null, 0, 0, 0, 0, 0] };
}
