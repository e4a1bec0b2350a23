/**
 * Indexes for the reports and the dashboard: each report reads one date range, so each table gets
 * an index on the column its range is over (queue day, visit start, rating time, submission), and
 * the dashboard's "overdue replies" reads open letters by due day.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration0008: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX queue_tickets_day ON queue_tickets(day, status)`.execute(db);
    await sql`CREATE INDEX visits_started ON visits(started_at)`.execute(db);
    await sql`CREATE INDEX satisfaction_created ON satisfaction_ratings(created_at)`.execute(db);
    await sql`CREATE INDEX support_requests_submitted ON support_requests(submitted_at) WHERE submitted_at IS NOT NULL`.execute(db);
    await sql`CREATE INDEX request_decisions_request_time ON request_decisions(request_id, created_at)`.execute(db);
    await sql`CREATE INDEX letters_open_reply_due ON letters(reply_due) WHERE status IN ('registered', 'routed') AND deleted_at IS NULL`.execute(db);
  },
};
