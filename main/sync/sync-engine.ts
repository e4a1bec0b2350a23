/**
 * One sync run: connect, refuse a skewed clock, pull → push (→ pull → push while the central
 * side found stale changes, at most three rounds) → verify. One run at a time: a second caller
 * joins the run in flight. Connection failures are retried a bounded number of times with
 * exponential backoff; every run, good or bad, is written to the history.
 */
import { randomUUID } from 'node:crypto';
import { SKEW_LIMIT_MS } from '../../shared/sync/batch';
import { SYNC_MESSAGES } from '../../shared/sync/messages';
import { AppError } from '../../shared/errors/app-error';
import type { SyncConfig, SyncRunView, SyncStatus } from '../../shared/sync/schemas';
import { centralNowMs, DeviceNotOwnedError, markPulled, type PushHooks } from '../central/central-store';
import { connectCentral, type CentralTarget } from '../central/connect';
import type { Clock } from '../core/clock';
import type { Db } from '../db/open-database';
import { pullAll } from './pull';
import { pushAll } from './push';
import { syncDb, type SDb } from './sync-db';
import { getConfig, getState, setState } from './sync-state';
import { verify } from './verify';
import type { AttachmentStore } from '../attachments/attachment-store';
import { emptyFileReport, pullMissingFiles } from './sync-files';
import { sweepUnreferencedFiles } from './sweep-files';
import { pruneCentralFiles } from '../central/central-files';

export type RunTrigger = 'nightly' | 'startup' | 'manual' | 'cli' | 'test';

export interface SyncHooks extends PushHooks {
  afterCentralCommit?: () => Promise<void>;
  afterPullPage?: (page: number) => Promise<void>;
}

export interface SyncEngineOptions {
  db: Db;
  clock: Clock;
  counterId: () => Promise<string>;
  batchSize?: number;
  pageSize?: number;
  retries?: number;
  backoffMs?: number;
  /** The stored central password (sealed by the OS key); null when none is stored. */
  centralPassword?: () => Promise<string | null>;
  /** This counter's attachment files, carried with their rows (sync-files.ts); rows only without it. */
  files?: AttachmentStore;
  /** Test-only fault injection points. */
  hooks?: SyncHooks;
}

type Phase = SyncStatus['progress']['phase'];

class SkewError extends Error {}

function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? '';
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|57P01|57P02|57P03|08\d\d\d)$/.test(code) ||
    /Connection terminated|connection timeout|terminating connection|Client has encountered a connection error|the database system is (starting|shutting) up/i.test(e?.message ?? '')
  );
}

export function createSyncEngine(options: SyncEngineOptions) {
  const db: SDb = syncDb(options.db);
  const batchSize = options.batchSize ?? 5000;
  const pageSize = options.pageSize ?? 5000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 2000;
  let inFlight: Promise<SyncRunView> | null = null;
  let progress: { phase: Phase; done: number } = { phase: 'idle', done: 0 };

  async function attempt(target: CentralTarget, counterId: string, deviceId: string, counts: { pushed: number; pulled: number; conflicts: number; mismatches: number; repulled: number }, detail: string[]) {
    progress = { phase: 'connecting', done: 0 };
    const central = connectCentral(target);
    const fileReport = emptyFileReport();
    const files = options.files ? { store: options.files, report: fileReport } : undefined;
    try {
      const skew = (await centralNowMs(central.db)) - options.clock.now().getTime();
      if (Math.abs(skew) > SKEW_LIMIT_MS) throw new SkewError(`clock skew ${Math.round(skew / 1000)} s`);
      for (let round = 0; round < 3; round++) {
        progress = { phase: 'pulling', done: counts.pulled };
        const pulled = await pullAll(db, central.db, {
          deviceId,
          pageSize,
          clock: options.clock,
          hooks: { afterPage: options.hooks?.afterPullPage },
          onProgress: (n) => (progress = { phase: 'pulling', done: counts.pulled + n }),
        });
        counts.pulled += pulled.pulled;
        counts.conflicts += pulled.conflicts;
        progress = { phase: 'pushing', done: counts.pushed };
        const upTo = Number((await db.selectFrom('sync_outbox').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst())?.m ?? 0);
        const before = counts.pushed;
        const { accepted, stale } = await pushAll(db, central.db, { deviceId, counterId, batchSize, files, hooks: options.hooks }, upTo, (n) => {
          progress = { phase: 'pushing', done: before + n };
        });
        counts.pushed += accepted;
        if (stale === 0) break;
        detail.push(`round ${round + 1}: ${stale} stale`);
      }
      // Catch what others pushed meanwhile, then check.
      const last = await pullAll(db, central.db, { deviceId, pageSize, clock: options.clock });
      counts.pulled += last.pulled;
      counts.conflicts += last.conflicts;
      // The files of attachment rows this counter has but cannot open yet (pulled now or before).
      if (options.files) {
        await pullMissingFiles(db, central.db, options.files, fileReport);
        // Files of erased rows (deleted here or pulled as deletes) leave this disk and the central store.
        fileReport.removed = await sweepUnreferencedFiles(db, options.files);
        const pruned = await pruneCentralFiles(central.db, deviceId, counterId);
        if (pruned === null) detail.push('central files not pruned: the central database needs `central migrate` (0004)');
        fileReport.pruned = pruned ?? 0;
      }
      await markPulled(central.db, deviceId, counterId);
      progress = { phase: 'verifying', done: 0 };
      const v = await verify(db, central.db, options.clock.now().getTime());
      counts.mismatches += v.mismatches.length;
      counts.repulled += v.repulled;
      if (v.skipped) detail.push('verify skipped: local edits pending');
      for (const m of v.mismatches) detail.push(`mismatch ${m.table}/${m.range}`);
      for (const m of v.remaining) detail.push(`still differs ${m.table}/${m.range}`);
      for (const m of v.resent) detail.push(`re-sent with new columns ${m.table}/${m.range}`);
    } finally {
      // Reported even when the run failed later: what went through went through.
      if (fileReport.sent + fileReport.fetched + fileReport.refused.length + fileReport.unavailable.length > 0) {
        detail.push(`files: ${fileReport.sent} sent, ${fileReport.fetched} fetched`);
      }
      if (fileReport.removed + fileReport.pruned > 0) detail.push(`files removed: ${fileReport.removed} here, ${fileReport.pruned} central`);
      // A central file that does not match its hash is refused (its row stays, without a file).
      counts.mismatches += fileReport.refused.length;
      for (const sha of fileReport.refused) detail.push(`file refused ${sha}: central bytes do not match the hash`);
      for (const sha of new Set(fileReport.unavailable)) detail.push(`file not available yet ${sha}`);
      await central.close().catch(() => undefined);
    }
  }

  async function runOnce(trigger: RunTrigger, override?: CentralTarget): Promise<SyncRunView> {
    const config = await getConfig(db);
    const id = randomUUID();
    const startedAt = options.clock.now().toISOString();
    await db.insertInto('sync_runs').values({ id, trigger, started_at: startedAt, status: 'running', pushed: 0, pulled: 0, conflicts: 0, mismatches: 0, repulled: 0, attempts: 0, finished_at: null, error_ar: null, error_en: null, detail: null }).execute();
    const counts = { pushed: 0, pulled: 0, conflicts: 0, mismatches: 0, repulled: 0 };
    const detail: string[] = [];
    let status: SyncRunView['status'] = 'ok';
    let error: { ar: string; en: string } | null = null;
    let attempts = 0;
    let target: CentralTarget | null = null;
    try {
      target = override ?? (config.url ? { url: config.url, sslMode: config.sslMode, caFile: config.caFile || undefined, password: (await options.centralPassword?.()) ?? undefined } : null);
    } catch (e) {
      // The sealed password cannot be opened here (another machine or OS user): say so, change nothing.
      status = 'refused';
      error = SYNC_MESSAGES.passwordUnreadable;
      detail.push(`stored password unreadable: ${e instanceof AppError ? e.bilingual.en : String(e)}`);
    }
    if (error) {
    } else if (!target) {
      status = 'refused';
      error = SYNC_MESSAGES.notConfigured;
    } else {
      const deviceId = (await getState(db, 'device_id'))!;
      const counterId = await options.counterId();
      for (;;) {
        attempts++;
        try {
          await attempt(target, counterId, deviceId, counts, detail);
          status = 'ok';
          error = null;
          break;
        } catch (e) {
          detail.push(`attempt ${attempts}: ${e instanceof Error ? e.message : String(e)}`);
          if (e instanceof SkewError) {
            status = 'refused';
            error = SYNC_MESSAGES.skew;
            break;
          }
          if (e instanceof DeviceNotOwnedError) {
            status = 'refused';
            error = SYNC_MESSAGES.deviceNotOwned;
            break;
          }
          status = 'failed';
          error = isConnectionError(e) ? SYNC_MESSAGES.unreachable : { ar: `فشلت المزامنة: ${String((e as Error).message ?? e)}`, en: `Sync failed: ${String((e as Error).message ?? e)}` };
          if (!isConnectionError(e) || attempts > retries) break;
          await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempts - 1)));
        }
      }
    }
    const finishedAt = options.clock.now().toISOString();
    await db
      .updateTable('sync_runs')
      .set({ ...counts, status, attempts, finished_at: finishedAt, error_ar: error?.ar ?? null, error_en: error?.en ?? null, detail: detail.join('\n') || null })
      .where('id', '=', id)
      .execute();
    if (status === 'ok') await setState(db, 'last_success_at', finishedAt);
    progress = { phase: 'idle', done: 0 };
    return { id, trigger, startedAt, finishedAt, status, attempts, error, ...counts };
  }

  return {
    /** Starts a run, or joins the one in flight. */
    run(trigger: RunTrigger, target?: CentralTarget): Promise<SyncRunView> {
      if (!inFlight) inFlight = runOnce(trigger, target).finally(() => (inFlight = null));
      return inFlight;
    },
    get running() {
      return inFlight !== null;
    },
    progress: () => progress,
    config: (): Promise<SyncConfig> => getConfig(db),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
