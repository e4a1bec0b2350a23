/**
 * Applying pulled rows (upsertRows, main/sync/local-rows.ts) when counters on different versions
 * send different columns: a row from a counter that predates a migration lacks the column it
 * added. On a real SQLite file: the absent column keeps the stored value (or takes the table's
 * default for a new row), and the rows after it in the same batch keep theirs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, migrateToLatest } from '../../main/db/open-database';
import { upsertRows } from '../../main/sync/local-rows';
import { syncDb } from '../../main/sync/sync-db';
import { SYNCED_TABLES } from '../../main/sync/synced-tables';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const service = (key: string, extra: Record<string, unknown> = {}) => ({ key, prefix: key.toUpperCase(), name_ar: `خدمة ${key}`, name_en: `Service ${key}`, default_purpose: 'inquiry', sort_order: 1, ...extra });

describe('upsert of pulled rows with different columns', () => {
  it('keeps each row’s own columns, and leaves a column a row does not carry as it was', async () => {
    const db = openDatabase(join(tmp.dir, 'upsert.sqlite'));
    await migrateToLatest(db);
    const sdb = syncDb(db);
    const t = SYNCED_TABLES.find((s) => s.table === 'queue_services')!;
    await db.deleteFrom('queue_services').execute();
    // Stored before the pull: x is inactive here.
    await db.insertInto('queue_services').values({ ...service('x'), active: 0 }).execute();
    await sdb.transaction().execute((trx) =>
      upsertRows(trx, t, [
        // From an older counter: no `active` (the column it lacks).
        service('x', { name_ar: 'خدمة س' }),
        service('y'),
        // From newer counters, after it in the same batch: their `active` must stay theirs.
        service('z', { active: 0 }),
        service('w', { active: 0 }),
        service('v'),
      ]),
    );
    const rows = await db.selectFrom('queue_services').select(['key', 'name_ar', 'active']).orderBy('key').execute();
    expect(rows).toEqual([
      { key: 'v', name_ar: 'خدمة v', active: 1 },
      { key: 'w', name_ar: 'خدمة w', active: 0 },
      { key: 'x', name_ar: 'خدمة س', active: 0 },
      { key: 'y', name_ar: 'خدمة y', active: 1 },
      { key: 'z', name_ar: 'خدمة z', active: 0 },
    ]);
    await db.destroy();
  });
});
