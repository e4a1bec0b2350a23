/**
 * Each report as SQL over the real tables, for a range of Riyadh days and one counter or all.
 * Counting is in SQL (GROUP BY, window functions); JavaScript only names the rows.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import type { Bounds } from './range-bounds';
import type { ReportId, ReportTable } from '../../shared/reports/schemas';
import { COLUMN_NAMES, REPORT_TITLES, ROW_NAMES, SUMMARY_NAMES, type Bilingual } from '../../shared/reports/labels';
import { CONTACT_CHANNELS } from '../../shared/contacts/schemas';
import { VISIT_PURPOSES } from '../../shared/walk-ins/schemas';
import { LETTER_STATUSES } from '../../shared/letters/schemas';
import { LETTER_KINDS } from '../../shared/letters/reference-pattern';
import { MIN_DECISION_DAYS } from '../../shared/requests/status';
import { columnStats, counterClause, round1 } from './stats-sql';

type Kind = ReportTable['columns'][number]['kind'];
type Cols = [key: string, kind: Kind][];

export interface Names {
  /** Row names that come from data: call topics, support types, queue services, staff. */
  lookup(kind: 'topic' | 'supportType' | 'service' | 'staff', key: string): Bilingual;
}

export interface Ctx {
  db: Db;
  b: Bounds;
  now: Date;
  today: string;
  names: Names;
}

function columns(cols: Cols): ReportTable['columns'] {
  return cols.map(([key, kind]) => ({ key, kind, label: COLUMN_NAMES[key] ?? { ar: key, en: key } }));
}

function rowName(key: string): Bilingual {
  return ROW_NAMES[key] ?? { ar: key, en: key };
}

const pct = (part: number, whole: number) => (whole > 0 ? round1((100 * part) / whole) : null);

function table(id: ReportId, cols: Cols, rows: ReportTable['rows'], total: ReportTable['total'], chartColumn = 0, summary: ReportTable['summary'] = []): ReportTable {
  return { id, title: REPORT_TITLES[id], columns: columns(cols), rows, total, chartColumn, summary };
}

/** Counts per key, in the given order first, then any other key the data holds. */
function countRows(order: readonly string[], counts: Map<string, number>, name: (k: string) => Bilingual = rowName): ReportTable['rows'] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const keys = [...order, ...[...counts.keys()].filter((k) => !order.includes(k))];
  return keys.map((k) => ({ key: k, label: name(k), values: [counts.get(k) ?? 0, pct(counts.get(k) ?? 0, total)] }));
}

async function contactsByChannel({ db, b }: Ctx): Promise<ReportTable> {
  const r = await sql<{ k: string; c: number }>`
    SELECT 'walk_in' AS k, COUNT(*) AS c FROM visits v WHERE v.deleted_at IS NULL AND v.started_at >= ${b.start} AND v.started_at < ${b.end} ${counterClause('v', b.counterId)}
    UNION ALL SELECT 'phone', COUNT(*) FROM calls c WHERE c.deleted_at IS NULL AND c.started_at >= ${b.start} AND c.started_at < ${b.end} ${counterClause('c', b.counterId)}
    UNION ALL SELECT 'letter', COUNT(*) FROM letters l WHERE l.deleted_at IS NULL AND l.created_at >= ${b.start} AND l.created_at < ${b.end} ${counterClause('l', b.counterId)}
    UNION ALL SELECT o.channel, COUNT(*) FROM contacts o WHERE o.deleted_at IS NULL AND o.created_at >= ${b.start} AND o.created_at < ${b.end} ${counterClause('o', b.counterId)} GROUP BY o.channel`.execute(db);
  const counts = new Map(r.rows.map((x) => [x.k, Number(x.c)]));
  const total = [...counts.values()].reduce((a, b2) => a + b2, 0);
  return table('contactsByChannel', [['count', 'count'], ['percent', 'percent']], countRows(['walk_in', 'phone', 'letter', ...CONTACT_CHANNELS], counts), [total, total ? 100 : null]);
}

async function walkInsByPurpose({ db, b }: Ctx): Promise<ReportTable> {
  const r = await sql<{ k: string; c: number }>`
    SELECT v.purpose AS k, COUNT(*) AS c FROM visits v
    WHERE v.deleted_at IS NULL AND v.started_at >= ${b.start} AND v.started_at < ${b.end} ${counterClause('v', b.counterId)}
    GROUP BY v.purpose`.execute(db);
  const counts = new Map(r.rows.map((x) => [x.k, Number(x.c)]));
  const total = [...counts.values()].reduce((a, b2) => a + b2, 0);
  return table('walkInsByPurpose', [['count', 'count'], ['percent', 'percent']], countRows(VISIT_PURPOSES, counts), [total, total ? 100 : null]);
}

const BUCKETS = [
  ['m0-5', 0, 5],
  ['m5-10', 5, 10],
  ['m10-15', 10, 15],
  ['m15-30', 15, 30],
  ['m30-60', 30, 60],
  ['m60+', 60, null],
] as const;

const MINUTE_MS = 60_000;

/**
 * Waiting (called − arrived) or service (ended − started, finished tickets) times of the range's
 * tickets, from the milliseconds stored on each ticket when it was called or finished (migration
 * 0009) through the covering index on (day, counter, value): the same tickets and values the
 * timestamps give, without parsing two timestamps per ticket.
 */
async function distribution(ctx: Ctx, id: 'waitingDistribution' | 'serviceDistribution'): Promise<ReportTable> {
  const { db, b } = ctx;
  const value = sql.ref(id === 'waitingDistribution' ? 't.wait_ms' : 't.service_ms');
  // The first two conditions are the partial indexes' own, so the planner can use them; the unary
  // + keeps it off the (counter, day, …) ticket-number index, which would need a table read per row.
  const counter = b.counterId ? sql`AND +t.counter_id = ${b.counterId}` : sql``;
  const from = sql`FROM queue_tickets t WHERE t.deleted_at IS NULL AND ${value} IS NOT NULL AND t.day >= ${b.fromDay} AND t.day <= ${b.toDay} ${counter}`;
  const s = await columnStats(db, from, value, BUCKETS.map(([key, lo, hi]) => [key, lo * MINUTE_MS, hi === null ? null : hi * MINUTE_MS] as const));
  const n = s.n;
  const rows = BUCKETS.map(([key]) => ({ key, label: rowName(key), values: [s.buckets[key] ?? 0, pct(s.buckets[key] ?? 0, n)] }));
  const minutes = (v: number | null) => (v === null ? null : round1(v / MINUTE_MS));
  const figures = { count: n, avg: minutes(s.avg), p50: minutes(s.p50), p90: minutes(s.p90), max: minutes(s.max) };
  const summary = (['count', 'avg', 'p50', 'p90', 'max'] as const).map((k) => ({ key: k, label: SUMMARY_NAMES[k]!, value: figures[k] }));
  return table(id, [['count', 'count'], ['percent', 'percent']], rows, [n, n ? 100 : null], 0, summary);
}

/** Requests submitted in the range; outcome = the latest committee decision after the last submission. */
const requestBase = (b: Bounds) => sql`
  SELECT r.id, r.support_type, r.status, r.submitted_at,
    (SELECT d.decision FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS outcome,
    (SELECT MIN(d.created_at) FROM request_decisions d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.created_at >= r.submitted_at) AS decided_at
  FROM support_requests r
  WHERE r.deleted_at IS NULL AND r.submitted_at IS NOT NULL AND r.submitted_at >= ${b.start} AND r.submitted_at < ${b.end} ${counterClause('r', b.counterId)}`;

async function supportTypeOrder(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('support_types').select('key').orderBy('sort_order').execute();
  return rows.map((r) => r.key);
}

async function requestsByType(ctx: Ctx): Promise<ReportTable> {
  const { db, b } = ctx;
  const r = await sql<{ g: string; submitted: number; pending: number; accepted: number; rejected: number; moreInfo: number }>`
    WITH req AS MATERIALIZED (${requestBase(b)})
    SELECT support_type AS g, COUNT(*) AS submitted,
      SUM(outcome IS NULL) AS pending, SUM(outcome = 'accept') AS accepted, SUM(outcome = 'reject') AS rejected, SUM(outcome = 'request_info') AS moreInfo
    FROM req GROUP BY support_type`.execute(db);
  const byType = new Map(r.rows.map((x) => [x.g, x]));
  const order = await supportTypeOrder(db);
  const keys = [...order, ...[...byType.keys()].filter((k) => !order.includes(k))];
  const cols = ['submitted', 'pending', 'accepted', 'rejected', 'moreInfo'] as const;
  const rows = keys.map((k) => ({ key: k, label: ctx.names.lookup('supportType', k), values: cols.map((c) => Number(byType.get(k)?.[c] ?? 0)) }));
  const total = cols.map((_, i) => rows.reduce((a, row) => a + (row.values[i] ?? 0), 0));
  return table('requestsByType', cols.map((c) => [c, 'count'] as [string, Kind]), rows, total);
}

const DAY_MS = 86_400_000;

/**
 * Time from the last submission to the first committee decision after it, in days, per support
 * type, from the milliseconds stored on the request when the committee decided (migration 0014)
 * through the covering index on (submitted_at, counter, type, value): the same requests and values
 * the decisions' timestamps give, without a decision lookup per request.
 */
async function decisionTime(ctx: Ctx): Promise<ReportTable> {
  const { db, b, now } = ctx;
  const pastLimit = new Date(now.getTime() - MIN_DECISION_DAYS * DAY_MS).toISOString();
  const inRange = sql`r.deleted_at IS NULL AND r.submitted_at >= ${b.start} AND r.submitted_at < ${b.end} ${counterClause('r', b.counterId)}`;
  // Whole milliseconds: "within 14 days" is ≤ 14 days exactly, i.e. < 14 days + 1 ms.
  const limit = MIN_DECISION_DAYS * DAY_MS + 1;
  const buckets = [['within14', 0, limit], ['after14', limit, null]] as const;
  const value = sql`r.decision_ms`;
  const decided = (type: string | null) =>
    sql`FROM support_requests r WHERE r.decision_ms IS NOT NULL AND ${inRange} ${type === null ? sql`` : sql`AND r.support_type = ${type}`}`;
  const [types, pending] = await Promise.all([
    sql<{ g: string }>`SELECT DISTINCT r.support_type AS g FROM support_requests r WHERE r.submitted_at IS NOT NULL AND ${inRange}`.execute(db),
    sql<{ g: string; c: number }>`
      SELECT r.support_type AS g, COUNT(*) AS c FROM support_requests r
      WHERE r.status = 'submitted' AND r.decision_ms IS NULL AND r.submitted_at <= ${pastLimit} AND ${inRange}
      GROUP BY r.support_type`.execute(db),
  ]);
  const present = types.rows.map((x) => x.g);
  const stats = new Map(await Promise.all([null, ...present].map(async (g) => [g ?? '__all', await columnStats(db, decided(g), value, buckets)] as const)));
  const pendingOf = new Map(pending.rows.map((x) => [x.g, Number(x.c)]));
  const order = await supportTypeOrder(db);
  const keys = [...order, ...present.filter((k) => !order.includes(k))];
  const days = (v: number | null | undefined) => (v === null || v === undefined ? null : round1(v / DAY_MS));
  const line = (k: string) => {
    const s = stats.get(k);
    return [s?.n ?? 0, days(s?.avg), days(s?.p90), s?.buckets.within14 ?? 0, s?.buckets.after14 ?? 0, pendingOf.get(k) ?? 0];
  };
  const rows = keys.map((k) => ({ key: k, label: ctx.names.lookup('supportType', k), values: line(k) }));
  const all = line('__all');
  all[5] = rows.reduce((a, r2) => a + (r2.values[5] ?? 0), 0);
  return table(
    'decisionTime',
    [['decided', 'count'], ['avgDays', 'days'], ['p90Days', 'days'], ['within14', 'count'], ['after14', 'count'], ['pendingPast14', 'count']],
    rows,
    all,
    1,
  );
}

/**
 * Ratings per service or per staff member (the visit's ticket's service; the visit's author), from
 * the columns stored on each rating when it was recorded (migration 0015) through the covering
 * index on (created, counter, service, staff, rating): no join per rating. Rows that do not carry
 * them (written by a counter without 0015, or about a ticket held by another counter) are counted
 * through the joins the report used before, over their own partial index, so every live rating in
 * the range counts once either way. SQL counts ratings per (group, score); each group's figures and
 * the whole range's are sums of those counts (the average is Σ score / n, as AVG gives it).
 */
async function satisfaction(ctx: Ctx, id: 'satisfactionByService' | 'satisfactionByStaff'): Promise<ReportTable> {
  const { db, b } = ctx;
  const byService = id === 'satisfactionByService';
  const inRange = sql`s.deleted_at IS NULL AND s.created_at >= ${b.start} AND s.created_at < ${b.end} ${counterClause('s', b.counterId)}`;
  type Count = { g: string | null; rating: number; c: number };
  // One statement, so both parts read the same state of the table (a pulled row can gain its columns).
  const counts = await sql<Count>`
    SELECT ${byService ? sql`s.service_key` : sql`s.staff_id`} AS g, s.rating AS rating, COUNT(*) AS c
      FROM satisfaction_ratings s WHERE s.staff_id IS NOT NULL AND ${inRange} GROUP BY 1, 2
    UNION ALL
    SELECT ${byService ? sql`t.service_key` : sql`v.created_by`}, s.rating, COUNT(*)
      FROM satisfaction_ratings s JOIN visits v ON v.id = s.visit_id LEFT JOIN queue_tickets t ON t.id = v.ticket_id
      WHERE s.staff_id IS NULL AND ${inRange} GROUP BY 1, 2`.execute(db);
  type Sums = { n: number; sum: number; good: number; scores: number[] };
  const empty = (): Sums => ({ n: 0, sum: 0, good: 0, scores: [0, 0, 0, 0, 0] });
  const groups = new Map<string, Sums>();
  const all = empty();
  for (const x of counts.rows) {
    const g = x.g ?? (byService ? '__none' : '__unknown');
    const [rating, c] = [Number(x.rating), Number(x.c)];
    if (!groups.has(g)) groups.set(g, empty());
    for (const s of [groups.get(g)!, all]) {
      s.n += c;
      s.sum += rating * c;
      if (rating >= 4) s.good += c;
      if (rating >= 1 && rating <= 5) s.scores[rating - 1]! += c;
    }
  }
  const line = (s: Sums) => [s.n, pct(s.good, s.n), s.n > 0 ? round1(s.sum / s.n) : null, ...s.scores];
  const kind = byService ? 'service' : 'staff';
  // Most responses first, then by key (as SQLite orders text).
  const order = [...groups].sort(([g1, s1], [g2, s2]) => s2.n - s1.n || (g1 < g2 ? -1 : g1 > g2 ? 1 : 0));
  const rows = order.map(([g, s]) => ({ key: g, label: g.startsWith('__') ? rowName(g) : ctx.names.lookup(kind, g), values: line(s) }));
  return table(
    id,
    [['responses', 'count'], ['csat', 'percent'], ['avgScore', 'score'], ['r1', 'count'], ['r2', 'count'], ['r3', 'count'], ['r4', 'count'], ['r5', 'count']],
    rows,
    line(all),
    1,
  );
}

async function callsByTopic(ctx: Ctx): Promise<ReportTable> {
  const { db, b } = ctx;
  type Line = { g: string; n: number; incoming: number; outgoing: number; avgMinutes: number | null; openFollowUps: number };
  const figures = sql`COUNT(*) AS n, SUM(direction = 'incoming') AS incoming, SUM(direction = 'outgoing') AS outgoing,
      AVG(duration_seconds) / 60.0 AS avgMinutes, SUM(follow_up = 'open') AS openFollowUps`;
  const where = sql`WHERE c.deleted_at IS NULL AND c.started_at >= ${b.start} AND c.started_at < ${b.end} ${counterClause('c', b.counterId)}`;
  // Per topic, then the whole range in its own pass: cheaper than doubling the rows with UNION ALL.
  const [r, all] = await Promise.all([
    sql<Line>`SELECT topic AS g, ${figures} FROM calls c ${where} GROUP BY topic ORDER BY COUNT(*) DESC, topic`.execute(db),
    sql<Line>`SELECT '__all' AS g, ${figures} FROM calls c ${where}`.execute(db),
  ]);
  const line = (x: Line) => [Number(x.n), Number(x.incoming ?? 0), Number(x.outgoing ?? 0), round1(x.avgMinutes), Number(x.openFollowUps ?? 0)];
  const rows = r.rows.map((x) => ({ key: x.g, label: ctx.names.lookup('topic', x.g), values: line(x) }));
  return table(
    'callsByTopic',
    [['count', 'count'], ['incoming', 'count'], ['outgoing', 'count'], ['avgMinutes', 'minutes'], ['openFollowUps', 'count']],
    rows,
    line(all.rows[0]!),
  );
}

/** A reply is overdue when its due day has passed in Riyadh and the letter is still registered or routed. */
export const OPEN_LETTER_STATUSES = ['registered', 'routed'] as const;

async function lettersByStatus(ctx: Ctx): Promise<ReportTable> {
  const { db, b, today } = ctx;
  const r = await sql<{ g: string; incoming: number; outgoing: number; n: number; overdue: number }>`
    SELECT l.status AS g, SUM(l.kind = ${LETTER_KINDS[0]}) AS incoming, SUM(l.kind = ${LETTER_KINDS[1]}) AS outgoing, COUNT(*) AS n,
      SUM(l.reply_due IS NOT NULL AND l.reply_due < ${today} AND l.status IN ('registered', 'routed')) AS overdue
    FROM letters l WHERE l.deleted_at IS NULL AND l.created_at >= ${b.start} AND l.created_at < ${b.end} ${counterClause('l', b.counterId)}
    GROUP BY l.status`.execute(db);
  const byStatus = new Map(r.rows.map((x) => [x.g, x]));
  const keys = [...LETTER_STATUSES, ...[...byStatus.keys()].filter((k) => !(LETTER_STATUSES as readonly string[]).includes(k))];
  const rows = keys.map((k) => {
    const x = byStatus.get(k);
    return { key: k, label: rowName(k), values: [Number(x?.incoming ?? 0), Number(x?.outgoing ?? 0), Number(x?.n ?? 0), Number(x?.overdue ?? 0)] };
  });
  const total = [0, 1, 2, 3].map((i) => rows.reduce((a, row) => a + (row.values[i] ?? 0), 0));
  return table('lettersByStatus', [['incoming', 'count'], ['outgoing', 'count'], ['total', 'count'], ['overdue', 'count']], rows, total, 2);
}

export const REPORTS: Record<ReportId, (ctx: Ctx) => Promise<ReportTable>> = {
  contactsByChannel,
  walkInsByPurpose,
  waitingDistribution: (ctx) => distribution(ctx, 'waitingDistribution'),
  serviceDistribution: (ctx) => distribution(ctx, 'serviceDistribution'),
  requestsByType,
  decisionTime,
  satisfactionByService: (ctx) => satisfaction(ctx, 'satisfactionByService'),
  satisfactionByStaff: (ctx) => satisfaction(ctx, 'satisfactionByStaff'),
  callsByTopic,
  lettersByStatus,
};
