/**
 * Mounted once in the shell: listens for F2 / Ctrl+K anywhere (and the open event buttons send)
 * and shows the quick call panel; focus returns where it was when the panel closes.
 */
import { useEffect, useRef, useState } from 'react';
import { OPEN_QUICK_CALL, isQuickCallShortcut } from './quick-call-events';
import { QuickCallPanel } from './QuickCallPanel';

export function QuickCallHost() {
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const show = () => {
      // Pressed again while open: stay put, and keep where focus should return to.
      if (document.querySelector('[data-testid="quick-call"]')) return;
      returnFocus.current = document.activeElement as HTMLElement | null;
      setOpen(true);
    };
    const onKey = (e: KeyboardEvent) => {
      if (isQuickCallShortcut(e)) {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_QUICK_CALL, show);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_QUICK_CALL, show);
    };
  }, []);
  if (!open) return null;
  return (
    <QuickCallPanel
      onClose={() => {
        setOpen(false);
        requestAnimationFrame(() => returnFocus.current?.focus());
      }}
    />
  );
}
