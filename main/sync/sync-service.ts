/**
 * The sync domain as the app sees it: status for the status bar, "sync now", history, the
 * conflict queue, settings, and the nightly / start-up schedule.
 */
import type { Clock, IdGenerator } from '../core/clock';
import type { Db } from '../db/open-database';
import type { Actor } from '../core/actor';
import type { SyncConfig, SyncRunView, SyncStatus } from '../../shared/sync/schemas';
import { countOpenConflicts, listConflicts, resolveConflict } from './conflicts';
import { isOverdue, scheduleNightly, type Scheduler } from './scheduler';
import { createSyncEngine, type RunTrigger, type SyncEngineOptions } from './sync-engine';
import { syncDb } from './sync-db';
import { getConfig, getState, saveConfig } from './sync-state';

export interface SyncServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  counterId: () => Promise<string>;
  engine?: Partial<SyncEngineOptions>;
}

function withoutPassword(url: string): { url: string; hasPassword: boolean } {
  if (!url) return { url, hasPassword: false };
  const u = new URL(url);
  const hasPassword = u.password !== '';
  u.password = '';
  return { url: u.toString(), hasPassword };
}

export function createSyncService(deps: SyncServiceDeps) {
  const db = syncDb(deps.db);
  const engine = createSyncEngine({ db: deps.db, clock: deps.clock, counterId: deps.counterId, ...deps.engine });
  let scheduler: Scheduler | null = null;
  let startupTimer: NodeJS.Timeout | null = null;

  function toView(r: Awaited<ReturnType<typeof history>>[number]): SyncRunView {
    return r;
  }

  async function history(limit: number): Promise<SyncRunView[]> {
    const rows = await db.selectFrom('sync_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status as SyncRunView['status'],
      pushed: Number(r.pushed),
      pulled: Number(r.pulled),
      conflicts: Number(r.conflicts),
      mismatches: Number(r.mismatches),
      repulled: Number(r.repulled),
      attempts: Number(r.attempts),
      error: r.error_ar && r.error_en ? { ar: r.error_ar, en: r.error_en } : null,
    }));
  }

  const service = {
    engine,
    run: (trigger: RunTrigger) => engine.run(trigger),
    history: (limit = 50) => history(limit).then((rs) => rs.map(toView)),
    conflicts: () => listConflicts(db),
    resolve: (actor: Actor, id: string, choice: 'local' | 'remote') => resolveConflict({ db, clock: deps.clock, newId: deps.newId }, actor, id, choice),

    async status(): Promise<SyncStatus> {
      const config = await getConfig(db);
      const pending = await db.selectFrom('sync_outbox').select((eb) => eb.fn.count<number>('row_key').distinct().as('n')).executeTakeFirstOrThrow();
      return {
        configured: config.url !== '',
        running: engine.running,
        progress: engine.progress(),
        lastSuccessAt: await getState(db, 'last_success_at'),
        pending: Number(pending.n),
        openConflicts: await countOpenConflicts(db),
        nextRunAt: scheduler?.nextRun()?.toISOString() ?? null,
      };
    },

    async configView() {
      const config = await getConfig(db);
      return { ...config, ...withoutPassword(config.url) };
    },

    /** An empty password keeps the stored one; the URL is stored with it, in this counter's database. */
    async saveConfig(input: SyncConfig & { password: string }) {
      const current = await getConfig(db);
      let url = input.url;
      if (url) {
        const u = new URL(url);
        const kept = current.url ? new URL(current.url).password : '';
        u.password = input.password || (u.password ? u.password : kept);
        url = u.toString();
      }
      const { password: _ignored, ...rest } = input;
      await saveConfig(db, { ...rest, url });
      if (scheduler) service.startScheduler();
      return service.configView();
    },

    /** The app (not the CLI, not tests) starts the schedule. */
    async startScheduler(delayMs = 60_000) {
      scheduler?.stop();
      const config = await getConfig(db);
      scheduler = scheduleNightly(config, () => void engine.run('nightly'));
      if (config.url && config.enabled && !startupTimer && isOverdue(await getState(db, 'last_success_at'), deps.clock.now())) {
        startupTimer = setTimeout(() => void engine.run('startup'), delayMs);
        startupTimer.unref?.();
      }
    },

    stop() {
      scheduler?.stop();
      scheduler = null;
      if (startupTimer) clearTimeout(startupTimer);
    },

    /** For the status bar in app:info. */
    async info() {
      const s = await service.status();
      const last = (await history(1))[0];
      const state = !s.configured ? 'not-configured' : s.running ? 'running' : last && last.status !== 'ok' ? 'failing' : 'ok';
      return { state, lastSuccessAt: s.lastSuccessAt, pending: s.pending, conflicts: s.openConflicts } as const;
    },
  };
  return service;
}

export type SyncService = ReturnType<typeof createSyncService>;
