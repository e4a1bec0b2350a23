/**
 * `central migrate` and `sync` from the command line, as a society's administrator and an OS
 * scheduler run them, with a counter logging in through its own least-privilege role.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { makeTempDir } from '../support/temp-dir';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';

const data = makeTempDir();
let central: TestCentral;

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args, '--data', data.dir]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

beforeAll(async () => {
  central = await startTestCentral(54338);
  await central.truncate();
}, 120_000);
afterAll(async () => {
  await central?.stop();
  data.cleanup();
});

describe('sync from the command line', () => {
  it('central migrate creates the store, the per-table views and the counters group role', async () => {
    const r = await cli('central', 'migrate', '--url', central.url, '--sslmode', 'disable');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('central database ready');
    expect(r.stdout).toContain('beneficiaries');
    const roles = await central.query(`SELECT rolname FROM pg_roles WHERE rolname = 'istiqbal_counter'`);
    expect(roles).toHaveLength(1);
    // Idempotent: a second run changes nothing and succeeds.
    expect((await cli('central', 'migrate', '--url', central.url, '--sslmode', 'disable')).status).toBe(0);
  }, 120_000);

  it('a counter syncs through its own login role; the head office reads the typed views', async () => {
    await central.query(`DROP ROLE IF EXISTS counter_k01`);
    await central.query(`CREATE ROLE counter_k01 LOGIN PASSWORD 'k01-secret' IN ROLE istiqbal_counter`);
    expect((await cli('seed-demo', '--count', '7')).status).toBe(0);
    const r = await cli('sync', '--url', withUser(central.url, 'counter_k01', 'k01-secret'), '--sslmode', 'disable');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(summary.status).toBe('ok');
    expect(summary.pushed).toBeGreaterThanOrEqual(7);
    const rows = await central.query<{ n: number }>(`SELECT count(*)::int AS n FROM beneficiaries WHERE deleted_at IS NULL`);
    expect(rows[0]!.n).toBe(7);
    const typed = await central.query<{ t: string }>(`SELECT pg_typeof(version)::text AS t FROM beneficiaries LIMIT 1`).catch(() => [{ t: 'no version column' }]);
    expect(typed[0]!.t).toBe('no version column'); // local-only columns stay on the counter
  }, 120_000);

  it('the counter role may append and read, never delete, truncate or change the schema', async () => {
    const client = new pg.Client({ connectionString: withUser(central.url, 'counter_k01', 'k01-secret') });
    await client.connect();
    try {
      await expect(client.query('DELETE FROM sync_changes')).rejects.toThrow(/permission denied/);
      await expect(client.query('TRUNCATE sync_rows')).rejects.toThrow(/permission denied/);
      await expect(client.query('DROP TABLE sync_devices')).rejects.toThrow(/must be owner|permission denied/);
      await expect(client.query('CREATE TABLE intruder (x int)')).rejects.toThrow(/permission denied/);
      const n = await client.query('SELECT count(*)::int AS n FROM sync_changes');
      expect(n.rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('a sync with no central address exits 2 and says how to set one', async () => {
    const r = await cli('sync');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--url');
  }, 60_000);
});
