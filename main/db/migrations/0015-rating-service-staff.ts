/**
 * The service and the staff member a satisfaction rating is about, stored on the rating
 * (`service_key`, `staff_id`) in the transaction that records it (main/walk-ins/visit-service.ts).
 * The satisfaction reports then read one covering index instead of joining every rating of the
 * range to its visit and ticket by text key (they missed the 500 ms goal at 1M beneficiaries).
 *
 * Definition (the reports' before these columns): the staff member is the visit's `created_by`;
 * the service is the `service_key` of the visit's ticket, none when the visit has no ticket.
 * `staff_id IS NULL` means "not known on this row" (a visit always has an author): a row written by
 * a counter without this migration, or one whose ticket this counter does not hold (tickets never
 * leave their counter). The reports count such rows through the old joins (report-tables.ts).
 *
 * The backfill fills only rows this counter can fill exactly: the visit is here, and so is its
 * ticket if it has one. Filled rows must reach the central copy (a row pushed without the columns
 * differs from this one in the sync digests), but ratings are merged whole-row, later stamp wins:
 * captured now, a stale copy (an erasure of its comment or a soft delete made at another counter
 * and not pulled yet) would overwrite the newer central row. So the backfill runs with capture
 * off and queues each filled row stamped at its own last change: it travels when nothing newer
 * exists, and loses to any real edit made elsewhere (the merge then keeps the remote row, and
 * this counter's columns, which the remote row lacks, stay as filled).
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const migration0015: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE satisfaction_ratings ADD COLUMN service_key TEXT`.execute(db);
    await sql`ALTER TABLE satisfaction_ratings ADD COLUMN staff_id TEXT`.execute(db);

    await fillRatingServiceStaff(db);

    // Covering, partial: the reports read (created range, counter?, service or staff) and the rating.
    // deleted_at and staff_id are fixed by the condition, but a query that names them is only
    // covered if the index holds them.
    await sql`CREATE INDEX satisfaction_report ON satisfaction_ratings(created_at, counter_id, service_key, staff_id, rating, deleted_at)
      WHERE deleted_at IS NULL AND staff_id IS NOT NULL`.execute(db);
    // The rows the reports still count through the joins: none, or a few from older counters.
    await sql`CREATE INDEX satisfaction_unfilled ON satisfaction_ratings(created_at) WHERE deleted_at IS NULL AND staff_id IS NULL`.execute(db);
  },
};

/**
 * The backfill, exported for the sync test of its merge behaviour (tests/integration/
 * rating-service-staff-sync.test.ts); only this migration runs it.
 */
export async function fillRatingServiceStaff(db: Kysely<unknown>): Promise<void> {
  const capture = await sql<{ applying: number }>`SELECT applying FROM sync_control WHERE id = 1`.execute(db);
  await sql`UPDATE sync_control SET applying = 1 WHERE id = 1`.execute(db);
  await sql`UPDATE satisfaction_ratings SET
      staff_id = (SELECT v.created_by FROM visits v WHERE v.id = satisfaction_ratings.visit_id),
      service_key = (SELECT t.service_key FROM visits v JOIN queue_tickets t ON t.id = v.ticket_id WHERE v.id = satisfaction_ratings.visit_id)
    WHERE EXISTS (SELECT 1 FROM visits v WHERE v.id = satisfaction_ratings.visit_id
      AND (v.ticket_id IS NULL OR EXISTS (SELECT 1 FROM queue_tickets t WHERE t.id = v.ticket_id)))`.execute(db);
  await sql`UPDATE sync_control SET applying = ${capture.rows[0]?.applying ?? 0} WHERE id = 1`.execute(db);
  // The stamp format of the capture triggers (main/sync/capture-triggers.ts), at the row's updated_at.
  // Only where capture is installed: a counter that never started sync has nothing to push.
  const captured = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_capture_satisfaction_ratings_update'`.execute(db);
  if (Number(captured.rows[0]?.n ?? 0) > 0) {
    await sql`INSERT INTO sync_outbox (table_name, row_key, hlc)
      SELECT 'satisfaction_ratings', s.id, printf('%015d-%010d-%s', CAST(unixepoch(s.updated_at, 'subsec') * 1000 AS INTEGER), 0, c.node)
      FROM satisfaction_ratings s, sync_control c WHERE c.id = 1 AND s.staff_id IS NOT NULL ORDER BY s.rowid`.execute(db);
  }
}
