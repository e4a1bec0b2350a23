/**
 * The reference library (المكتبة المرجعية): search over titles and page text (each hit names its
 * page and opens the viewer there), the list of documents, and for administrators an upload form.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useCan } from '../auth/use-session';
import { DocumentView } from './DocumentView';
import { UploadForm } from './UploadForm';
import { SearchHits } from './SearchHits';
import { openLibrarySearch } from './library-events';

type View = { mode: 'list' } | { mode: 'doc'; id: string; versionId?: string; page?: number };

function Library({ onOpen }: { onOpen: (v: View) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canWrite = useCan('library:create');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [includeRetired, setIncludeRetired] = useState(false);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const docs = useQuery({ queryKey: ['library', 'list', includeRetired], queryFn: () => unwrap(api().library.list({ includeRetired })) });
  const rows = docs.data ?? [];
  return (
    <Stack gap="md" data-testid="library-screen">
      <Group justify="space-between">
        <Title order={1}>{t('library.title')}</Title>
        {canWrite && !adding && (
          <Button onClick={() => setAdding(true)} data-testid="library-add">
            {t('library.add')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" wrap="nowrap">
        <Text c="dimmed">{t('library.intro')}</Text>
        <Button variant="default" onClick={openLibrarySearch} aria-keyshortcuts="F1" data-testid="library-quick-open">
          {t('library.quickSearch')}
        </Button>
      </Group>
      {adding && (
        <UploadForm
          mode="new"
          onCancel={() => setAdding(false)}
          onDone={async () => {
            setAdding(false);
            setSaved(true);
            await queryClient.invalidateQueries({ queryKey: ['library'] });
          }}
        />
      )}
      {saved && (
        <Alert color="teal" role="status" data-testid="library-saved">
          {t('library.saved')}
        </Alert>
      )}
      <TextInput label={t('library.search')} placeholder={t('library.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="library-search" />
      {debounced && <SearchHits query={debounced} onOpen={(h) => onOpen({ mode: 'doc', id: h.documentId, versionId: h.versionId, page: Math.max(1, h.page) })} />}
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('library.documents')}
        </Title>
        {canWrite && <Checkbox label={t('library.showRetired')} checked={includeRetired} onChange={(e) => setIncludeRetired(e.currentTarget.checked)} data-testid="library-show-retired" />}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('library.empty')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="library-documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library.fields.title')}</Table.Th>
              <Table.Th>{t('library.fields.version')}</Table.Th>
              <Table.Th>{t('library.fields.pages')}</Table.Th>
              <Table.Th>{t('library.fields.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id} data-testid="library-document-row">
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen({ mode: 'doc', id: d.id })}>
                    {d.title}
                  </Button>
                  {d.retired && (
                    <Text span size="sm" c="red.8">
                      {' '}
                      ({t('library.retired')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t('library.versionNo', { n: d.current.versionNo })}</Table.Td>
                <Table.Td>{d.current.pageCount}</Table.Td>
                <Table.Td className="ltr-value">{d.updatedAt.slice(0, 10)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function LibraryScreen() {
  const [view, setView] = useState<View>({ mode: 'list' });
  if (view.mode === 'doc') return <DocumentView key={`${view.id}-${view.versionId ?? ''}-${view.page ?? 1}`} id={view.id} versionId={view.versionId} page={view.page} onBack={() => setView({ mode: 'list' })} />;
  return <Library onOpen={setView} />;
}
