/**
 * Counters send their batch as `jsonb` to the istiqbal_push of central migration 0005. A central
 * database not migrated to 0005 yet (the society updates counters first) has only the `json`
 * form: the push notices, sends the same text as `json`, and nothing is lost or doubled; once
 * migrated, the next run uses the jsonb form and old and new rows agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely/migration';
import { connectCentral } from '../../main/central/connect';
import { migrateCentral, writeTableRules } from '../../main/central/central-store';
import { centralMigrationProvider } from '../../main/central/migrations/index';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { createBeneficiary } from '../support/sync-ops';

let central: TestCentral;
let old: TestCentral;
const counters: TestCounter[] = [];

beforeAll(async () => {
  central = await startTestCentral(54336);
  await central.query('DROP DATABASE IF EXISTS central_before_0005');
  await central.query('CREATE DATABASE central_before_0005');
  const url = new URL(central.url);
  url.pathname = '/central_before_0005';
  const c = connectCentral({ url: url.toString(), sslMode: 'disable' });
  try {
    const migrator = new Migrator({
      db: c.db,
      provider: centralMigrationProvider,
      migrationTableName: 'istiqbal_central_migration',
      migrationLockTableName: 'istiqbal_central_migration_lock',
    });
    const { error } = await migrator.migrateTo('0004-unreferenced-files');
    expect(error).toBeUndefined();
    await writeTableRules(c.db);
  } finally {
    await c.close();
  }
  // The same server, the older database: queries through a pool of its own.
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  old = { ...central, url: url.toString(), query: async (text, params) => (await pool.query(text, params as unknown[])).rows, stop: () => pool.end() };
});

afterAll(async () => {
  for (const c of counters) await c.dispose().catch(() => undefined);
  await old?.stop().catch(() => undefined);
  await central?.stop();
});

describe('push to a central database before migration 0005, and the log pointer after it', () => {
  it('falls back to the json istiqbal_push, then uses jsonb once migrated; nothing lost or doubled', async () => {
    const pushFunctions = async () => (await old.query<{ args: string }>(`SELECT pg_get_function_identity_arguments(oid) AS args FROM pg_proc WHERE proname = 'istiqbal_push' ORDER BY 1`)).map((r) => r.args);
    expect(await pushFunctions()).toEqual(['p_device text, p_counter text, p_to_seq bigint, p_changes json']);

    const a = await createTestCounter(old, 'K01');
    const b = await createTestCounter(old, 'K02');
    counters.push(a, b);
    // More than one batch (the test engine pushes 50 changes at a time).
    for (let i = 1; i <= 70; i++) await createBeneficiary(a, i);
    expect((await a.sync()).status).toBe('ok');
    const count = async () => (await old.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_rows WHERE table_name = 'beneficiaries'`))[0]!.n;
    expect(await count()).toBe(70);

    const c = connectCentral({ url: old.url, sslMode: 'disable' });
    try {
      expect(await migrateCentral(c.db)).toEqual(['0005-push-jsonb']);
    } finally {
      await c.close();
    }
    expect(await pushFunctions()).toHaveLength(2);
    for (let i = 71; i <= 80; i++) await createBeneficiary(a, i);
    expect((await a.sync()).status).toBe('ok');
    expect((await b.sync()).status).toBe('ok');
    expect((await a.sync()).status).toBe('ok');
    expect(await count()).toBe(80);
    expect(await old.query(`SELECT device_id, device_seq FROM sync_changes GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
    expect(await snapshot(a)).toEqual(await centralSnapshot(old, a));
    expect(await snapshot(b)).toEqual(await centralSnapshot(old, b));
    expect((await snapshot(b)).beneficiaries).toHaveLength(80);
  });

  it('the log pointer stays whole without the foreign key: orphans, deletes and truncation of pointed-at changes refused', async () => {
    // The migrated database of the test above holds rows pointing into its log.
    const [row] = await old.query<{ table_name: string; row_key: string; change_seq: string }>(`SELECT table_name, row_key, change_seq FROM sync_rows LIMIT 1`);
    const code = async (text: string) => old.query(text).then(() => null, (e: { code?: string }) => e.code ?? 'error');
    expect(await code(`UPDATE sync_rows SET change_seq = 999999999 WHERE table_name = '${row!.table_name}' AND row_key = '${row!.row_key}'`)).toBe('23503');
    expect(await code(`INSERT INTO sync_rows VALUES ('beneficiaries', 'orphan', 999999999, 'x', 'h', false)`)).toBe('23503');
    expect(await code(`DELETE FROM sync_changes WHERE change_seq = ${row!.change_seq}`)).toBe('23503');
    expect(await code(`UPDATE sync_changes SET change_seq = 999999999 WHERE change_seq = ${row!.change_seq}`)).toBe('23503');
    expect(await code(`TRUNCATE sync_changes CASCADE`)).toBe('23503');
    // A change no row points at (superseded by a later one) may go, as before.
    const [superseded] = await old.query<{ change_seq: string }>(`SELECT c.change_seq FROM sync_changes c WHERE NOT EXISTS (SELECT 1 FROM sync_rows r WHERE r.change_seq = c.change_seq) LIMIT 1`);
    if (superseded) expect(await code(`BEGIN; DELETE FROM sync_changes WHERE change_seq = ${superseded.change_seq}; ROLLBACK`)).toBeNull();
    expect((await old.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_rows r LEFT JOIN sync_changes c USING (change_seq) WHERE c.change_seq IS NULL`))[0]!.n).toBe(0);
  });
});
