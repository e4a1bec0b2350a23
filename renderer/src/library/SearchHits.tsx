/** Search hits over the library: each names its document and page and opens the viewer there. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { LibraryHit } from '../../../shared/library/schemas';

export function SearchHits({ query, onOpen }: { query: string; onOpen: (h: LibraryHit) => void }) {
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
