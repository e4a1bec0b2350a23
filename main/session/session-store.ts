/**
 * Who is signed in at this counter, held in the main process only. The store also enforces the
 * idle lock on the main side: a session with no activity for longer than the idle limit is ended
 * here, whatever the renderer believes, so a hung or tampered page cannot keep it open.
 */
import type { SessionView } from '../../shared/session/schemas';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';

export type EndReason = 'user' | 'idle';

export interface SessionStore {
  /** The live session, or null; ends it first when it has been idle too long. */
  current(): SessionView | null;
  set(session: SessionView | null): void;
  /** The live session, counting this as activity (the router calls this for every call). */
  active(): SessionView | null;
  touch(): void;
  setIdleLimitMinutes(minutes: number): void;
  /** Why the last session ended on its own (idle), until the next sign-in. */
  lastEnded(): 'idle' | null;
  end(reason: EndReason): SessionView | null;
  /** Told when the idle check ends a session, so it can be written to the audit trail. */
  onIdleEnd(listener: (ended: SessionView) => void): void;
}

export function createSessionStore(clock: Clock = systemClock, idleLimitMinutes = 10): SessionStore {
  let session: SessionView | null = null;
  let lastActivity = 0;
  let idleMs = idleLimitMinutes * 60_000;
  let ended: 'idle' | null = null;
  const listeners: ((s: SessionView) => void)[] = [];

  function expireIfIdle(): void {
    if (session && clock.now().getTime() - lastActivity > idleMs) {
      const gone = session;
      session = null;
      ended = 'idle';
      for (const l of listeners) l(gone);
    }
  }

  return {
    current() {
      expireIfIdle();
      return session;
    },
    set(next) {
      session = next;
      lastActivity = clock.now().getTime();
      if (next) ended = null;
    },
    active() {
      expireIfIdle();
      if (session) lastActivity = clock.now().getTime();
      return session;
    },
    touch() {
      if (session) lastActivity = clock.now().getTime();
    },
    setIdleLimitMinutes(minutes) {
      idleMs = minutes * 60_000;
    },
    lastEnded: () => ended,
    end(reason) {
      const gone = session;
      session = null;
      ended = reason === 'idle' ? 'idle' : null;
      return gone;
    },
    onIdleEnd(listener) {
      listeners.push(listener);
    },
  };
}
