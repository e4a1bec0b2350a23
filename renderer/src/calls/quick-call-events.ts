/** Opening the quick call panel from anywhere: the global shortcut, or any button dispatching this event. */
export const OPEN_QUICK_CALL = 'istiqbal:open-quick-call';

export function openQuickCall(): void {
  window.dispatchEvent(new CustomEvent(OPEN_QUICK_CALL));
}

/** F2, or Ctrl+K / Cmd+K, opens the panel. */
export function isQuickCallShortcut(e: KeyboardEvent): boolean {
  return e.key === 'F2' || ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK'));
}
