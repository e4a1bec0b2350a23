/**
 * Push: the oldest outbox entries become one batch (entries of the same row collapse into one
 * change carrying the row as it is now), the central side applies it in one transaction, and only
 * after that commit is acknowledged does one local transaction drop the entries, record the new
 * central versions as merge bases and re-queue changes the central side found stale (another
 * counter changed the row first; the next pull merges them, the next push sends the result).
 */
import type { PushBatch, PushChange, PushOutcome } from '../../shared/sync/batch';
import type { CentralDb, PushHooks } from '../central/central-store';
import { pushBatch } from '../central/central-store';
import { readBase, writeBase, type BaseEntry } from './base-rows';
import { readRows, rowHash, tableColumns } from './local-rows';
import type { SDb } from './sync-db';
import { SYNCED_TABLES } from './synced-tables';
import type { AttachmentStore } from '../attachments/attachment-store';
import { pushBatchFiles, type FileReport } from './sync-files';

export interface PushContext {
  deviceId: string;
  counterId: string;
  batchSize: number;
  /** This counter's attachment files: sent ahead of the attachment rows that name them. */
  files?: { store: AttachmentStore; report: FileReport };
  hooks?: PushHooks & {
    /** Test-only: after the central commit, before the local cleanup (a crash there). */
    afterCentralCommit?: () => Promise<void>;
  };
}

export interface PushResult {
  sent: number;
  accepted: number;
  stale: number;
  more: boolean;
}

/** `upTo`: the last outbox number of this round; stale entries re-queued above it wait a round. */
export async function buildBatch(db: SDb, ctx: PushContext, upTo: number, afterSeq = 0): Promise<PushBatch | null> {
  const entries = await db
    .selectFrom('sync_outbox')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(ctx.batchSize)
    .execute();
  if (entries.length === 0) return null;
  const toSeq = Number(entries.at(-1)!.seq);
  // Collapse per row: ordered by first appearance (parents before children), latest seq and stamp.
  const rows = new Map<string, { table: string; key: string; seq: number; hlc: string }>();
  for (const e of entries) {
    const id = `${e.table_name}\u0000${e.row_key}`;
    const prev = rows.get(id);
    if (prev) Object.assign(prev, { seq: Number(e.seq), hlc: e.hlc > prev.hlc ? e.hlc : prev.hlc });
    else rows.set(id, { table: e.table_name, key: e.row_key, seq: Number(e.seq), hlc: e.hlc });
  }
  const changes: PushChange[] = [];
  const byTable = new Map<string, string[]>();
  for (const r of rows.values()) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.key]);
  const current = new Map<string, Map<string, import('../../shared/sync/canonical').Row>>();
  const bases = new Map<string, Map<string, { centralSeq: number }>>();
  for (const [table, keys] of byTable) {
    const t = SYNCED_TABLES.find((s) => s.table === table);
    if (!t || (await tableColumns(db, table)).length === 0) continue;
    current.set(table, await readRows(db, t, keys));
    bases.set(table, await readBase(db, table, keys));
  }
  for (const r of rows.values()) {
    const tableRows = current.get(r.table);
    if (!tableRows) continue; // a table no longer registered: its entries are dropped with the batch
    const row = tableRows.get(r.key) ?? null;
    changes.push({
      seq: r.seq,
      table: r.table,
      key: r.key,
      op: row ? 'upsert' : 'delete',
      row,
      rowHash: row ? rowHash(row) : '',
      hlc: r.hlc,
      baseSeq: bases.get(r.table)?.get(r.key)?.centralSeq ?? 0,
    });
  }
  return { deviceId: ctx.deviceId, counterId: ctx.counterId, toSeq, changes };
}

export async function acknowledge(db: SDb, batch: PushBatch, outcomes: PushOutcome[]): Promise<{ accepted: number; stale: number }> {
  const bySeq = new Map(outcomes.map((o) => [o.seq, o]));
  const base: BaseEntry[] = [];
  const stale: PushChange[] = [];
  for (const c of batch.changes) {
    const o = bySeq.get(c.seq);
    if (o?.status === 'accepted') {
      const t = SYNCED_TABLES.find((s) => s.table === c.table)!;
      base.push({ table: c.table, key: c.key, centralSeq: o.changeSeq, row: t.mergeClass === 'fields' ? c.row : null });
    } else stale.push(c);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sync_outbox').where('seq', '<=', batch.toSeq).execute();
    await writeBase(trx, base);
    // Stale changes go back in the outbox under new numbers: the central mark has passed the old ones.
    for (const c of stale) await trx.insertInto('sync_outbox').values({ table_name: c.table, row_key: c.key, hlc: c.hlc }).execute();
  });
  return { accepted: base.length, stale: stale.length };
}

/** The batch's files the central store lacks, then the batch itself. */
async function sendBatch(central: CentralDb, ctx: PushContext, batch: PushBatch): Promise<PushOutcome[]> {
  if (ctx.files) await pushBatchFiles(central, ctx.files.store, batch, ctx.files.report);
  const outcomes = await pushBatch(central, batch, ctx.hooks);
  // A file found already central may have been pruned as unreferenced (istiqbal_prune_files)
  // before these rows committed: checked again now the rows refer to it, and sent if it went.
  if (ctx.files) await pushBatchFiles(central, ctx.files.store, batch, ctx.files.report);
  return outcomes;
}

export async function pushOnce(db: SDb, central: CentralDb, ctx: PushContext, upTo: number): Promise<PushResult> {
  const batch = await buildBatch(db, ctx, upTo);
  if (!batch) return { sent: 0, accepted: 0, stale: 0, more: false };
  const outcomes = await sendBatch(central, ctx, batch);
  await ctx.hooks?.afterCentralCommit?.();
  const { accepted, stale } = await acknowledge(db, batch, outcomes);
  return { sent: batch.changes.length, accepted, stale, more: true };
}

/**
 * Pushes every outbox entry up to `upTo` as a pipeline over the two connections: while the
 * central server applies batch N, SQLite reads batch N+1 and records the acknowledgement of
 * batch N-1. Safe: acknowledgements stay in order, a crash anywhere leaves entries that a replay
 * answers from the central log, and a row in two consecutive batches is accepted the second time
 * because this counter wrote its central version itself.
 */
export async function pushAll(db: SDb, central: CentralDb, ctx: PushContext, upTo: number, onProgress?: (accepted: number) => void): Promise<{ accepted: number; stale: number }> {
  let accepted = 0;
  let stale = 0;
  let ack: Promise<void> = Promise.resolve();
  const record = (r: { accepted: number; stale: number }) => {
    accepted += r.accepted;
    stale += r.stale;
    onProgress?.(accepted);
  };
  try {
    let batch = await buildBatch(db, ctx, upTo);
    while (batch) {
      const current = batch;
      const pushing = sendBatch(central, ctx, current);
      const next = buildBatch(db, ctx, upTo, current.toSeq);
      next.catch(() => undefined); // awaited below; a failed push must not leave it unhandled
      const outcomes = await pushing;
      await ctx.hooks?.afterCentralCommit?.();
      await ack;
      ack = acknowledge(db, current, outcomes).then(record);
      batch = await next;
    }
    await ack;
  } finally {
    await ack.catch(() => undefined);
  }
  return { accepted, stale };
}
