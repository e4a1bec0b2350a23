/** A real core over a real SQLite file in a temp folder, as the app would run it. */
import { join } from 'node:path';
import { APP_ORIGIN, createCore, type Core, type CoreOptions } from '../../main/core/create-core';
import type { CallSource } from '../../main/ipc/sender-policy';
import { makeTempDir } from './temp-dir';

export const APP_SOURCE: CallSource = { senderUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true };

export async function createTestCore(options: Partial<CoreOptions> = {}): Promise<Core & { dir: string; dispose(): Promise<void> }> {
  const { dir, cleanup } = makeTempDir();
  const core = await createCore({ databaseFile: join(dir, 'istiqbal.sqlite'), ...options });
  return {
    ...core,
    dir,
    async dispose() {
      await core.close();
      cleanup();
    },
  };
}

/** Calls the router as the app's own page would. */
export function call(core: Core, channel: string, payload: unknown) {
  return core.router.invoke(channel, payload, APP_SOURCE);
}
