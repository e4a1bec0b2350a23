/**
 * Outbox capture by SQLite triggers: every insert, update and delete of a synchronised table
 * appends (table, key, hybrid clock stamp) to `sync_outbox` inside the writer's own transaction,
 * whoever the writer is. The outbox holds pointers, not copies: a push sends the row as it is
 * then, so ten edits of one record travel once.
 *
 * The triggers are skipped while `sync_control.applying = 1`, which only the pull sets, inside
 * its own transaction (one connection, so no local write can run in between): pulled rows are
 * never captured again.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { SYNCED_TABLES, type SyncedTable } from './synced-tables';

const NOW_MS = `CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)`;

function triggerSql(t: SyncedTable, event: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const ref = event === 'DELETE' ? 'OLD' : 'NEW';
  const name = `sync_capture_${t.table}_${event.toLowerCase()}`;
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${t.table}
    WHEN (SELECT applying FROM sync_control WHERE id = 1) = 0
    BEGIN
      UPDATE sync_control SET
        hlc_counter = CASE WHEN ${NOW_MS} > hlc_ms THEN 0 ELSE hlc_counter + 1 END,
        hlc_ms = MAX(hlc_ms, ${NOW_MS})
      WHERE id = 1;
      INSERT INTO sync_outbox (table_name, row_key, hlc)
        SELECT '${t.table}', ${ref}."${t.key}", printf('%015d-%010d-%s', hlc_ms, hlc_counter, node)
        FROM sync_control WHERE id = 1;
    END`;
}

/** (Re)creates the capture triggers of every registered table that exists. Idempotent. */
export async function installCaptureTriggers(db: Db): Promise<string[]> {
  const existing = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
  const names = new Set(existing.rows.map((r) => r.name));
  const installed: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const t of SYNCED_TABLES) {
      if (!names.has(t.table)) continue;
      for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        await sql.raw(`DROP TRIGGER IF EXISTS sync_capture_${t.table}_${event.toLowerCase()}`).execute(trx);
        if (t.immutable && event !== 'INSERT') continue;
        await sql.raw(triggerSql(t, event)).execute(trx);
      }
      installed.push(t.table);
    }
  });
  return installed;
}
