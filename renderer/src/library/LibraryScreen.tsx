/**
 * The reference library (المكتبة المرجعية): search over titles and page text (each hit names its
 * page and opens the viewer there), the list of documents, and for administrators an upload form.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useCan } from '../auth/use-session';
import type { LibraryHit } from '../../../shared/library/schemas';
import { DocumentView } from './DocumentView';
import { UploadForm } from './UploadForm';

type View = { mode: 'list' } | { mode: 'doc'; id: string; versionId?: string; page?: number };

function Hits({ query, onOpen }: { query: string; onOpen: (h: LibraryHit) => void }) {
  const { t } = useTranslation();
  const hits = useQuery({ queryKey: ['library', 'search', query], queryFn: () => unwrap(api().library.search({ query, limit: 50 })), placeholderData: keepPreviousData });
  const rows = hits.data ?? [];
  return (
    <Paper withBorder p="sm" data-testid="library-hits">
      <Title order={2} size="h4" mb="xs">
        {t('library.hits', { count: rows.length })}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('library.noHits')}</Text>
      ) : (
        <Stack gap={6}>
          {rows.map((h) => (
            <Group key={`${h.documentId}-${h.page}`} gap="sm" wrap="nowrap" align="start" data-testid="library-hit">
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onOpen(h)}
                aria-label={t('library.openHit', { title: h.title, page: Math.max(1, h.page) })}
                data-testid="library-hit-open"
              >
                {h.page === 0 ? t('library.inTitle') : t('library.onPage', { page: h.page })}
              </Button>
              <Stack gap={0}>
                <Text fw={600}>{h.title}</Text>
                {h.page > 0 && (
                  <Text size="sm" data-testid="library-hit-snippet">
                    {h.snippet}
                  </Text>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

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
      <Text c="dimmed">{t('library.intro')}</Text>
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
      {debounced && <Hits query={debounced} onOpen={(h) => onOpen({ mode: 'doc', id: h.documentId, versionId: h.versionId, page: Math.max(1, h.page) })} />}
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
