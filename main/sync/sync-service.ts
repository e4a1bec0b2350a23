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
import { assertCanStore, hasStoredPassword, readPassword, scrubbed, storePassword } from './central-password';
import { NO_OS_KEY_PROVIDER, type KeyProvider } from '../privacy/key-provider';

export interface SyncServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  counterId: () => Promise<string>;
  engine?: Partial<SyncEngineOptions>;
  /** The OS-kept key that seals the central password (main/privacy/key-provider.ts). */
  keyProvider?: KeyProvider;
}

/** The URL without its password, and that password (decoded), if it carried one. */
function splitPassword(url: string): { url: string; password: string } {
  if (!url) return { url, password: '' };
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), password };
}

export function createSyncService(deps: SyncServiceDeps) {
  const db = syncDb(deps.db);
  const keys = deps.keyProvider ?? NO_OS_KEY_PROVIDER;
  const engine = createSyncEngine({ db: deps.db, clock: deps.clock, counterId: deps.counterId, centralPassword: () => readPassword(db, keys), ...deps.engine });
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
      const { url, password } = splitPassword(config.url);
      return { ...config, url, hasPassword: password !== '' || (await hasStoredPassword(db)) };
    },

    /**
     * An empty password keeps the stored one. A new one is sealed under the OS key (refused, with
     * the reason, where the OS keeps none); the URL is stored without it.
     */
    async saveConfig(input: SyncConfig & { password: string }) {
      const { url, password: inUrl } = splitPassword(input.url);
      const typed = input.password || inUrl;
      if (typed) {
        assertCanStore(keys);
        await storePassword(db, keys, typed);
      }
      const { password: _ignored, ...rest } = input;
      // Scrubbed: an older configuration may have held the password inside its URL.
      await scrubbed(db, () => saveConfig(db, { ...rest, url }));
      if (scheduler) service.startScheduler();
      return service.configView();
    },

    /**
     * At start-up: a password saved inside the URL by an earlier version is sealed under the OS
     * key and removed from the database file. Left in place (and reported) where the OS keeps no
     * key, since removing it would silently stop the nightly sync.
     */
    async protectStoredPassword(): Promise<'none' | 'sealed' | 'left-in-place'> {
      const config = await getConfig(db);
      const { url, password } = splitPassword(config.url);
      if (!password) return 'none';
      if (keys.unavailableReason()) return 'left-in-place';
      await storePassword(db, keys, password);
      await scrubbed(db, () => saveConfig(db, { ...config, url }));
      return 'sealed';
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
