/**
 * Renderer-side idle detection: keyboard, pointer and wheel events count as activity. While the
 * user is active the core is told once a minute (its own idle check then agrees); after the
 * configured minutes without activity the renderer signs out with reason `idle`. The core ends
 * an idle session on its own too, so this is the friendly half, not the guard.
 */
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { afterSessionChange } from './session-change';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
const REPORT_EVERY_MS = 60_000;

export function useIdleLock(idleMinutes: number, enabled: boolean): void {
  const queryClient = useQueryClient();
  const lastActivity = useRef(Date.now());
  const lastReported = useRef(Date.now());

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastReported.current > REPORT_EVERY_MS) {
        lastReported.current = now;
        void api().auth.activity({});
      }
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > idleMinutes * 60_000) {
        void api()
          .auth.signOut({ reason: 'idle' })
          .finally(() => void afterSessionChange(queryClient));
      }
    }, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [idleMinutes, enabled, queryClient]);
}
