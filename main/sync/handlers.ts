import type { syncContract } from '../../shared/sync/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { SyncService } from './sync-service';

export function syncHandlers(sync: SyncService): HandlersOf<keyof typeof syncContract> {
  return {
    'sync:status': () => sync.status(),
    'sync:runNow': () => sync.run('manual'),
    'sync:history': (input) => sync.history(input.limit),
    'sync:conflicts': () => sync.conflicts(),
    'sync:resolve': async (input, ctx) => {
      await sync.resolve(ctx.actor(), input.id, input.choice);
      return { ok: true as const };
    },
    'sync:getConfig': () => sync.configView(),
    'sync:saveConfig': (input) => sync.saveConfig(input),
  };
}
