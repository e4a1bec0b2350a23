/** Opening the library's quick search from anywhere: F1 (the desktop's help key), or a button sending this event. */
export const OPEN_LIBRARY_SEARCH = 'istiqbal:open-library-search';

export function openLibrarySearch(): void {
  window.dispatchEvent(new CustomEvent(OPEN_LIBRARY_SEARCH));
}

export function isLibrarySearchShortcut(e: KeyboardEvent): boolean {
  return e.key === 'F1' && !e.ctrlKey && !e.altKey && !e.metaKey;
}
