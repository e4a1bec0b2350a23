import type { setupContract } from '../../shared/setup/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { Core } from '../core/create-core';
import type { SetupService } from './setup-service';
import { seedDemo } from '../demo/seed-demo';
import { AppError } from '../../shared/errors/app-error';

const DEMO_AFTER_SETUP = {
  ar: 'البيانات التجريبية تُضاف أثناء الإعداد الأول فقط، لا في جمعية تعمل.',
  en: 'Demo data can be added only during first-run setup, not to a society at work.',
};

export function setupHandlers(setup: SetupService, core: () => Core): HandlersOf<keyof typeof setupContract> {
  return {
    'setup:status': async () => ({ complete: await setup.isComplete() }),
    'setup:complete': async (_input, ctx) => {
      await setup.complete(ctx.actor());
      return { complete: true };
    },
    // Made-up people belong in a training install only: offered during first run, never after.
    'setup:seedDemo': async (input) => {
      if (await setup.isComplete()) throw new AppError('CONFLICT', DEMO_AFTER_SETUP);
      return { added: await seedDemo(core(), { count: input.count }) };
    },
  };
}
