/**
 * Waiting and service time stored on the queue ticket, in whole milliseconds, written in the same
 * transaction that calls or finishes the ticket (main/walk-ins/ticket-durations.ts). The reports
 * then read one indexed integer instead of parsing two ISO timestamps per ticket and sorting a
 * computed value. Milliseconds, not seconds: the timestamps carry milliseconds, so whole seconds
 * would move a 4:59.6 wait into another bucket, and fractional seconds are inexact in floating point.
 *
 * Existing rows are backfilled with the same definition the reports used (called − arrived for
 * every called ticket; ended − started for finished ones). On a counter that already syncs, the
 * backfill's updates pass through the capture triggers, so each ticket is pushed once more and the
 * central copy carries the new columns too.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Exact to the millisecond: unixepoch(…, 'subsec') differs from the true value by far less than 0.5 ms. */
const ms = (from: string, to: string) => `CAST(ROUND((unixepoch(${to}, 'subsec') - unixepoch(${from}, 'subsec')) * 1000) AS INTEGER)`;

export const migration0009: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE queue_tickets ADD COLUMN wait_ms INTEGER`.execute(db);
    await sql`ALTER TABLE queue_tickets ADD COLUMN service_ms INTEGER`.execute(db);
    // One statement, so a ticket with both times is queued for sync once.
    const called = `called_at IS NOT NULL`;
    const done = `status = 'done' AND started_at IS NOT NULL AND ended_at IS NOT NULL`;
    await sql
      .raw(
        `UPDATE queue_tickets SET
          wait_ms = CASE WHEN ${called} THEN ${ms('arrived_at', 'called_at')} END,
          service_ms = CASE WHEN ${done} THEN ${ms('started_at', 'ended_at')} END
        WHERE ${called} OR (${done})`,
      )
      .execute(db);
    // Covering, partial: a report reads (day range, counter?) and the value, nothing else. deleted_at
    // is always null in these entries, but a query that names it is only covered if the index holds it.
    await sql`CREATE INDEX queue_tickets_wait ON queue_tickets(day, counter_id, wait_ms, deleted_at) WHERE deleted_at IS NULL AND wait_ms IS NOT NULL`.execute(db);
    await sql`CREATE INDEX queue_tickets_service ON queue_tickets(day, counter_id, service_ms, deleted_at) WHERE deleted_at IS NULL AND service_ms IS NOT NULL`.execute(db);
  },
};
