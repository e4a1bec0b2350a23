/**
 * "Copy diagnostics" for support: versions, the database's shape and size, sync and printer
 * state, and the newest log lines. Counts, never records: nothing personal leaves this way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { arch, platform, release } from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../db/open-database';

export interface DiagnosticsSource {
  db: Db;
  databaseFile: string;
  logsDir: string | null;
  version: string;
}

function newestLogLines(logsDir: string | null, lines: number): string[] {
  if (!logsDir || !existsSync(logsDir)) return [];
  const files = readdirSync(logsDir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => ({ f, t: statSync(join(logsDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  if (files.length === 0) return [];
  return readFileSync(join(logsDir, files[0]!.f), 'utf8').trimEnd().split('\n').slice(-lines);
}

export async function collectDiagnostics(source: DiagnosticsSource): Promise<string> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`.execute(source.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(name)}`.execute(source.db);
    counts[name] = r.rows[0]!.n;
  }
  const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(source.db);
  const integrity = await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(source.db);
  const report = {
    app: { version: source.version, node: process.versions.node, electron: process.versions.electron ?? null },
    system: { platform: platform(), release: release(), arch: arch() },
    database: {
      bytes: existsSync(source.databaseFile) ? statSync(source.databaseFile).size : 0,
      quickCheck: integrity.rows.map((r) => r.quick_check).join(', '),
      migrations: migrations.rows.map((m) => m.name),
      rowCounts: counts,
    },
    collectedAt: new Date().toISOString(),
  };
  const log = newestLogLines(source.logsDir, 200);
  return `${JSON.stringify(report, null, 2)}\n\n--- newest log lines (${log.length}) ---\n${log.join('\n')}\n`;
}
