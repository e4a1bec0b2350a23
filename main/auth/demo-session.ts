/**
 * Demo mode (`npm run preview`, `npm start` — both pass `--demo`, never a packaged app): the demo
 * administrator is signed in explicitly, without typing a password, so the app opens usable. The
 * documented demo password is shown on the sign-in screen after an idle lock, in demo mode only.
 */
import type { Core } from '../core/create-core';

export const DEMO_CREDENTIALS = { username: 'admin', password: 'demo-istiqbal-334' } as const;

export function openDemoSession(core: Core) {
  return core.auth.openDemoSession(DEMO_CREDENTIALS);
}

/** The CLI acts as the first administrator (whoever runs it already holds the database file). */
export function openCliSession(core: Core) {
  return core.auth.openDemoSession(null, 'cli');
}
