/**
 * Mounted once in the shell: F1 anywhere opens the library's search over the current screen, so a
 * question at the counter is answered from the source without leaving an interview half-typed. A
 * hit opens the page in the viewer inside the dialog; Escape closes it and focus goes back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, FocusTrap, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isLibrarySearchShortcut, OPEN_LIBRARY_SEARCH } from './library-events';
import { SearchHits } from './SearchHits';
import { VersionViewer } from './VersionViewer';

function QuickSearch({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [shown, setShown] = useState<{ versionId: string; page: number; title: string } | null>(null);
  // On the window, not the dialog: after a hit is opened its button is gone and focus may be on the body.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="quick-overlay-backdrop">
      <FocusTrap active>
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          className="quick-overlay-dialog library-quick-dialog"
          data-testid="library-quick"
        >
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} id={titleId}>
                {shown ? shown.title : t('library.title')}
              </Title>
              <Group gap="xs">
                {shown && (
                  <Button variant="default" onClick={() => setShown(null)} data-testid="library-quick-results">
                    {t('library.backToResults')}
                  </Button>
                )}
                <Button variant="subtle" onClick={onClose} data-testid="library-quick-close">
                  {t('library.close')}
                </Button>
              </Group>
            </Group>
            {shown ? (
              <VersionViewer versionId={shown.versionId} page={shown.page} testId="library-quick-viewer" />
            ) : (
              <>
                <TextInput
                  label={t('library.search')}
                  placeholder={t('library.searchPlaceholder')}
                  value={query}
                  onChange={(e) => setQuery(e.currentTarget.value)}
                  data-autofocus
                  data-testid="library-quick-search"
                />
                {debounced && <SearchHits query={debounced} onOpen={(h) => setShown({ versionId: h.versionId, page: Math.max(1, h.page), title: h.title })} />}
              </>
            )}
          </Stack>
        </div>
      </FocusTrap>
    </div>
  );
}

export function LibraryQuickHost() {
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const show = () => {
      if (document.querySelector('[data-testid="library-quick"]')) return;
      returnFocus.current = document.activeElement as HTMLElement | null;
      setOpen(true);
    };
    const onKey = (e: KeyboardEvent) => {
      if (isLibrarySearchShortcut(e)) {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_LIBRARY_SEARCH, show);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_LIBRARY_SEARCH, show);
    };
  }, []);
  if (!open) return null;
  return (
    <QuickSearch
      onClose={() => {
        setOpen(false);
        requestAnimationFrame(() => returnFocus.current?.focus());
      }}
    />
  );
}
