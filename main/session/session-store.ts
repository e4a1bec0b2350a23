/** Who is signed in at this counter, held in the main process only. */
import type { SessionView } from '../../shared/session/schemas';

export interface SessionStore {
  current(): SessionView | null;
  set(session: SessionView | null): void;
}

export function createSessionStore(): SessionStore {
  let session: SessionView | null = null;
  return {
    current: () => session,
    set(next) {
      session = next;
    },
  };
}
