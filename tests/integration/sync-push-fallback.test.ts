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

describe('push to a central database before migration 0005', () => {
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
});
