import type { setupContract } from '../../shared/setup/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { Core } from '../core/create-core';
import type { SetupService } from './setup-service';
import { seedDemo } from '../demo/seed-demo';

export function setupHandlers(setup: SetupService, core: () => Core): HandlersOf<keyof typeof setupContract> {
  return {
    'setup:status': async () => ({ complete: await setup.isComplete() }),
    'setup:complete': async (_input, ctx) => {
      await setup.complete(ctx.actor());
      return { complete: true };
    },
    'setup:seedDemo': async (input) => ({ added: await seedDemo(core(), { count: input.count }) }),
  };
}
