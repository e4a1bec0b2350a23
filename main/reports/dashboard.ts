/** Today's figures for the dashboard: small indexed queries, cheap enough to poll every few seconds. */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import type { Dashboard } from '../../shared/reports/schemas';
import { riyadhDay, riyadhDayRange } from '../../shared/calls/riyadh-day';
import { MIN_DECISION_DAYS } from '../../shared/requests/status';
import { columnStats, counterClause, round1 } from './stats-sql';

export async function todayDashboard(db: Db, now: Date, counterId: string | null): Promise<Dashboard> {
  const day = riyadhDay(now);
  const { start, end } = riyadhDayRange(day);
  const pastLimit = new Date(now.getTime() - MIN_DECISION_DAYS * 86_400_000).toISOString();
  const ticketBase = sql`FROM queue_tickets t WHERE t.deleted_at IS NULL AND t.day = ${day} ${counterClause('t', counterId)}`;
  const [counts, waits, services] = await Promise.all([
    sql<Record<string, number | null>>`SELECT
      (SELECT COUNT(*) ${ticketBase} AND t.status = 'waiting') AS waitingNow,
      (SELECT COUNT(*) ${ticketBase} AND t.status = 'done') AS served,
      (SELECT COUNT(*) FROM calls c WHERE c.deleted_at IS NULL AND c.started_at >= ${start} AND c.started_at < ${end} ${counterClause('c', counterId)}) AS callsToday,
      (SELECT COUNT(*) FROM calls c WHERE c.follow_up = 'open' AND c.deleted_at IS NULL ${counterClause('c', counterId)}) AS openFollowUps,
      (SELECT COUNT(*) FROM letters l WHERE l.deleted_at IS NULL AND l.created_at >= ${start} AND l.created_at < ${end} ${counterClause('l', counterId)}) AS lettersToday,
      (SELECT COUNT(*) FROM letters l WHERE l.deleted_at IS NULL AND l.status IN ('registered', 'routed') AND l.reply_due IS NOT NULL AND l.reply_due < ${day} ${counterClause('l', counterId)}) AS overdueReplies,
      (SELECT COUNT(*) FROM support_requests r WHERE r.deleted_at IS NULL AND r.status = 'submitted' ${counterClause('r', counterId)}) AS awaitingCommittee,
      (SELECT COUNT(*) FROM support_requests r WHERE r.deleted_at IS NULL AND r.status = 'submitted' AND r.submitted_at <= ${pastLimit} ${counterClause('r', counterId)}) AS awaitingPast14Days,
      (SELECT COUNT(*) FROM satisfaction_ratings s WHERE s.deleted_at IS NULL AND s.created_at >= ${start} AND s.created_at < ${end} ${counterClause('s', counterId)}) AS ratingsToday,
      (SELECT SUM(s.rating >= 4) FROM satisfaction_ratings s WHERE s.deleted_at IS NULL AND s.created_at >= ${start} AND s.created_at < ${end} ${counterClause('s', counterId)}) AS goodToday`.execute(db),
    columnStats(db, sql`${ticketBase} AND t.wait_ms IS NOT NULL`, sql.ref('t.wait_ms')),
    columnStats(db, sql`${ticketBase} AND t.service_ms IS NOT NULL`, sql.ref('t.service_ms')),
  ]);
  const c = counts.rows[0] ?? {};
  const n = (k: string) => Number(c[k] ?? 0);
  // Milliseconds stored on each ticket (migration 0009), shown in minutes.
  const minutes = (v: number | null) => (v === null ? null : round1(v / 60_000));
  const w = waits;
  const s = services;
  return {
    day,
    waitingNow: n('waitingNow'),
    served: n('served'),
    avgWaitMinutes: minutes(w.avg),
    p90WaitMinutes: minutes(w.p90),
    avgServiceMinutes: minutes(s.avg),
    p90ServiceMinutes: minutes(s.p90),
    callsToday: n('callsToday'),
    openFollowUps: n('openFollowUps'),
    lettersToday: n('lettersToday'),
    overdueReplies: n('overdueReplies'),
    awaitingCommittee: n('awaitingCommittee'),
    awaitingPast14Days: n('awaitingPast14Days'),
    csatToday: n('ratingsToday') > 0 ? round1((100 * n('goodToday')) / n('ratingsToday')) : null,
    ratingsToday: n('ratingsToday'),
  };
}
