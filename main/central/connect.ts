/**
 * Connects to the society's central PostgreSQL: Kysely's Postgres dialect over `pg`, the URL
 * from the settings and TLS from `sslMode` (libpq's names) and an optional CA file. The URL's own
 * ssl parameters are removed so the explicit choice here is the one that applies.
 */
import { readFileSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ConnectionOptions } from 'node:tls';
import type { CentralDatabase } from './central-schema';

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface CentralTarget {
  url: string;
  sslMode?: SslMode;
  caFile?: string;
  /** Kept apart from the URL when stored (sealed by the OS key); joined only in memory here. */
  password?: string;
}

export function tlsOptions(target: CentralTarget): false | ConnectionOptions {
  const mode = target.sslMode ?? 'prefer';
  const ca = target.caFile ? readFileSync(target.caFile, 'utf8') : undefined;
  switch (mode) {
    case 'disable':
      return false;
    // pg has no "try TLS, fall back": prefer behaves as disable unless a CA file is given.
    case 'prefer':
      return ca ? { ca, rejectUnauthorized: true } : false;
    case 'require':
      return ca ? { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined } : { rejectUnauthorized: false };
    case 'verify-ca':
      return { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ca, rejectUnauthorized: true };
  }
}

export function poolConfig(target: CentralTarget): pg.PoolConfig {
  const url = new URL(target.url);
  for (const p of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'ssl']) url.searchParams.delete(p);
  // pg lets the connection string override a separate password option: put it in the string.
  if (target.password) url.password = encodeURIComponent(target.password);
  return {
    connectionString: url.toString(),
    ssl: tlsOptions(target),
    max: 2,
    application_name: 'istiqbal-sync',
    connectionTimeoutMillis: 10_000,
    // A nightly job on a shaky line: don't hang forever on a dead socket.
    query_timeout: 120_000,
    keepAlive: true,
  };
}

export interface Central {
  db: Kysely<CentralDatabase>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connectCentral(target: CentralTarget): Central {
  const pool = new pg.Pool(poolConfig(target));
  // An idle client dropped by the server must not crash the app.
  pool.on('error', () => undefined);
  // A client in use that loses its server rejects its query; its 'error' event must not crash us.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<CentralDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}
