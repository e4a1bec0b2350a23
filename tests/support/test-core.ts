/** A real core over a real SQLite file in a temp folder, as the app would run it. */
import { join } from 'node:path';
import { APP_ORIGIN, createCore, type Core, type CoreOptions } from '../../main/core/create-core';
import type { CallSource } from '../../main/ipc/sender-policy';
import { makeTempDir } from './temp-dir';

export const APP_SOURCE: CallSource = { senderUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true };

/** The administrator every test core is signed in as (created through the real first-run step). */
export const TEST_ADMIN = { username: 'admin', displayName: 'مدير النظام', password: 'Test-password-2026' } as const;

/**
 * A core signed in as an administrator through the real path: the first-run step gives the
 * bootstrap administrator a password, then `auth:signIn` checks it. `signIn: false` leaves the
 * core at first run, with nobody signed in.
 */
export async function createTestCore(
  options: Partial<CoreOptions> & { signIn?: boolean; firstRunWizard?: 'done' | 'pending' } = {},
): Promise<Core & { dir: string; dispose(): Promise<void> }> {
  const { dir, cleanup } = makeTempDir();
  const { signIn = true, firstRunWizard = 'done', ...coreOptions } = options;
  const core = await createCore({ databaseFile: join(dir, 'istiqbal.sqlite'), ...coreOptions });
  if (signIn) {
    const source = coreOptions.trustedOrigins ? { senderUrl: `${coreOptions.trustedOrigins[0]}/index.html`, isMainFrame: true } : APP_SOURCE;
    const setup = await core.router.invoke('auth:setupFirstAdmin', TEST_ADMIN, source);
    const signedIn = await core.router.invoke('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }, source);
    if (!setup.ok || !signedIn.ok) throw new Error(`test core could not sign in: ${JSON.stringify(setup.ok ? signedIn : setup)}`);
    // Most tests are about a counter already set up: finish the first-run wizard as its administrator would.
    if (firstRunWizard === 'done') {
      const done = await core.router.invoke('setup:complete', {}, source);
      if (!done.ok) throw new Error(`test core could not finish the first-run wizard: ${JSON.stringify(done)}`);
    }
  }
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

/** The value of a router call that must succeed; its error, as JSON, otherwise. */
export async function ok<T>(pending: ReturnType<typeof call>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}
