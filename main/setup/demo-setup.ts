/** Demo mode opens straight into the app: the first-run wizard is marked done for the demo. */
import type { Core } from '../core/create-core';
import { createSetupService } from './setup-service';

export async function completeSetupForDemo(core: Core): Promise<void> {
  const session = core.sessions.current();
  if (!session) throw new Error('demo session required');
  await createSetupService(core).complete({ userId: session.user.id, counterId: session.counter.id, counterCode: session.counter.code });
}
