/** A running call timer: starts when the panel opens, can be paused; the seconds are saved with the call. */
import { useEffect, useState } from 'react';

export function useCallTimer() {
  const [seconds, setSeconds] = useState(0);
  const [running, setRunning] = useState(true);
  useEffect(() => {
    if (!running) return;
    const started = Date.now() - seconds * 1000;
    const id = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(id);
  }, [running]);
  return { seconds, running, toggle: () => setRunning((r) => !r) };
}

export function formatDuration(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
