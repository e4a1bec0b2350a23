/**
 * Push: the oldest outbox entries become one batch (entries of the same row collapse into one
 * change carrying the row as it is now), the central side applies it in one transaction, and only
 * after that commit is acknowledged does one local transaction drop the entries, record the new
 * central versions as merge bases and re-queue changes the central side found stale (another
 * counter changed the row first; the next pull merges them, the next push sends the result).
 */
import { rowJson, type PushBatch, type PushChange, type PushOutcome } from '../../shared/sync/batch';
import type { CentralDb, PushHooks } from '../central/central-store';
import { pushBatch } from '../central/central-store';
import { sql } from 'kysely';
import type { Row } from '../../shared/sync/canonical';
import { writeBaseJson } from './base-rows';
import { canonicalText, md5, readPushRows } from './local-rows';
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

/**
 * A change as read for a push. The row stays the canonical JSON text SQLite produced (hashed,
 * sent and stored as a merge base as it is); the object is parsed only if someone asks for it
 * (the attachment rows' file hashes).
 */
class OutgoingChange implements PushChange {
  private parsed: Row | null | undefined;
  constructor(
    readonly seq: number,
    readonly table: string,
    readonly key: string,
    readonly op: 'upsert' | 'delete',
    readonly rowText: string | null,
    readonly rowHash: string,
    readonly hlc: string,
    readonly baseSeq: number,
  ) {}
  get row(): Row | null {
    if (this.parsed === undefined) this.parsed = this.rowText === null ? null : (JSON.parse(this.rowText) as Row);
    return this.parsed;
  }
}

const TABLES = new Map(SYNCED_TABLES.map((t) => [t.table, t]));

/** `upTo`: the last outbox number of this round; stale entries re-queued above it wait a round. */
export async function buildBatch(db: SDb, ctx: PushContext, upTo: number, afterSeq = 0): Promise<PushBatch | null> {
  // One statement reads the entries, collapses them per row (latest number and stamp, in order
  // of first appearance: parents before children) and joins each row's JSON and merge base.
  const { toSeq, rows } = await readPushRows(db, SYNCED_TABLES, afterSeq, upTo, ctx.batchSize);
  if (toSeq === null) return null;
  const changes: PushChange[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const text = r.row === null ? null : canonicalText(r.row);
    changes[i] = new OutgoingChange(Number(r.seq), r.t, String(r.k), text === null ? 'delete' : 'upsert', text, text === null ? '' : md5(text), r.hlc, r.base === null ? 0 : Number(r.base));
  }
  return { deviceId: ctx.deviceId, counterId: ctx.counterId, toSeq, changes };
}

export async function acknowledge(db: SDb, batch: PushBatch, outcomes: PushOutcome[]): Promise<{ accepted: number; stale: number }> {
  const bySeq = new Map(outcomes.map((o) => [o.seq, o]));
  // Merge bases as one JSON array text: rows go in as the text that was sent, never re-encoded.
  const base: string[] = [];
  const stale: [string, string, string][] = [];
  for (const c of batch.changes) {
    const o = bySeq.get(c.seq);
    if (o?.status === 'accepted') {
      const row = TABLES.get(c.table)!.mergeClass === 'fields' ? rowJson(c) : 'null';
      base.push(`[${JSON.stringify(c.table)},${JSON.stringify(c.key)},${JSON.stringify(o.changeSeq)},${row}]`);
    } else stale.push([c.table, c.key, c.hlc]);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sync_outbox').where('seq', '<=', batch.toSeq).execute();
    await writeBaseJson(trx, base);
    // Stale changes go back in the outbox under new numbers, in batch order: the central mark
    // has passed the old ones.
    if (stale.length > 0) {
      await sql`INSERT INTO sync_outbox (table_name, row_key, hlc)
        SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(${JSON.stringify(stale)}) ORDER BY key`.execute(trx);
    }
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
