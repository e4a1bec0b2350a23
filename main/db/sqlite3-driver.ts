/**
 * A Kysely dialect for the `sqlite3` package. We use `sqlite3` because it is a Node-API module:
 * the binary built and tested under Node is the one Electron loads. Kysely's own SQLite dialect
 * expects better-sqlite3's synchronous API. `kysely-generic-sqlite` (2.0.1) would need the same
 * sqlite3 executor written around it, treats raw PRAGMA/SELECT as writes unless told otherwise,
 * and opens transactions with a deferred BEGIN, which fails with SQLITE_BUSY half-way when the
 * CLI and the app write at once. This driver is small: one connection (Kysely ≥ 0.29 serialises
 * its use for SQLite adapters), BEGIN IMMEDIATE, `all` for statements that return rows, `run`
 * for the rest, and a row-at-a-time stream for large reads.
 */
import sqlite3 from 'sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
} from 'kysely';

export interface Sqlite3DialectConfig {
  filename: string;
  /** Runs once on the new connection (pragmas). */
  onOpen?: (connection: DatabaseConnection) => Promise<void>;
}

export class Sqlite3Dialect implements Dialect {
  constructor(private readonly config: Sqlite3DialectConfig) {}
  createDriver(): Driver {
    return new Sqlite3Driver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

function openDatabase(filename: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(filename, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err) =>
      err ? reject(err) : resolve(db),
    );
  });
}

class Sqlite3Driver implements Driver {
  private db?: sqlite3.Database;
  private connection?: Sqlite3Connection;

  constructor(private readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    this.db = await openDatabase(this.config.filename);
    this.connection = new Sqlite3Connection(this.db);
    await this.config.onOpen?.(this.connection);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection serves everything; Kysely's runtime driver holds a mutex around its use
    // because SqliteAdapter reports no support for multiple connections.
    return this.connection!;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on SQLITE_BUSY.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

const ROW_RETURNING_SQL = /^\s*(select|pragma|with|values|explain)\b/i;

function returnsRows(sql: string, node: RootOperationNode): boolean {
  if (SelectQueryNode.is(node)) return true;
  if ('returning' in node && node.returning) return true;
  return node.kind === 'RawNode' && ROW_RETURNING_SQL.test(sql);
}

class Sqlite3Connection implements DatabaseConnection {
  constructor(private readonly db: sqlite3.Database) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters, query } = compiled;
    const params = parameters as unknown[];
    if (returnsRows(sql, query)) {
      return new Promise((resolve, reject) =>
        this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] }))),
      );
    }
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (err) {
        if (err) return reject(err);
        resolve({ rows: [], numAffectedRows: BigInt(this.changes), insertId: BigInt(this.lastID) });
      }),
    );
  }

  /** Steps one row at a time, so a large read holds only what the caller has not consumed yet. */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const statement = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const s = this.db.prepare(compiled.sql, compiled.parameters as unknown[], (err) => (err ? reject(err) : resolve(s)));
    });
    try {
      for (;;) {
        const rows: R[] = [];
        while (rows.length < chunkSize) {
          const row = await new Promise<R | undefined>((resolve, reject) =>
            statement.get((err, r) => (err ? reject(err) : resolve(r as R | undefined))),
          );
          if (row === undefined) break;
          rows.push(row);
        }
        if (rows.length > 0) yield { rows };
        if (rows.length < chunkSize) return;
      }
    } finally {
      await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    }
  }
}
