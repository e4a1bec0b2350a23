/**
 * Run at every start, after the migrations: the device id, the capture triggers of every
 * registered table (so a table or column added by a later migration is covered), and, the first
 * time a table is seen, its existing rows queued once so data written before sync existed travels.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { installCaptureTriggers } from './capture-triggers';
import { syncDb } from './sync-db';
import { ensureDeviceId, getState, setState } from './sync-state';
import { SYNCED_TABLES } from './synced-tables';

export async function ensureSync(database: Db): Promise<{ deviceId: string; tables: string[] }> {
  const db = syncDb(database);
  const deviceId = await ensureDeviceId(db);
  const tables = await installCaptureTriggers(database);
  const seeded = new Set<string>(JSON.parse((await getState(db, 'seeded_tables')) ?? '[]') as string[]);
  // A table is seeded once per shape: `users@2` after its sync shape changed (synced-tables.ts).
  const seedName = (name: string) => {
    const v = SYNCED_TABLES.find((s) => s.table === name)?.shapeVersion;
    return v ? `${name}@${v}` : name;
  };
  const fresh = tables.filter((t) => !seeded.has(seedName(t)));
  if (fresh.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const name of fresh) {
        const t = SYNCED_TABLES.find((s) => s.table === name)!;
        const orderBy = name === 'audit_log' ? 'seq' : 'rowid';
        await sql`INSERT INTO sync_outbox (table_name, row_key, hlc)
          SELECT ${name}, ${sql.ref(`${name}.${t.key}`)}, printf('%015d-%010d-%s', c.hlc_ms, 0, c.node)
          FROM ${sql.table(name)}, sync_control c WHERE c.id = 1 ORDER BY ${sql.ref(`${name}.${orderBy}`)}`.execute(trx);
        seeded.add(seedName(name));
      }
      await setState(trx, 'seeded_tables', JSON.stringify([...seeded]));
    });
  }
  return { deviceId, tables };
}
