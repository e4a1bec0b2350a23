/** Every run, newest first, with its counts and its error in the UI language. */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { formatWhen } from './format';

export function SyncHistory() {
  const { t } = useTranslation();
  const language = useLanguage();
  const runs = useQuery({ queryKey: ['sync', 'history'], queryFn: () => unwrap(api().sync.history({ limit: 30 })) });
  const rows = runs.data ?? [];
  return (
    <Stack gap="sm" data-testid="sync-history">
      <Title order={2} size="h4">
        {t('sync.history.title')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('sync.history.empty')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.history.started')}</Table.Th>
              <Table.Th>{t('sync.history.trigger')}</Table.Th>
              <Table.Th>{t('sync.history.status')}</Table.Th>
              <Table.Th>{t('sync.history.pushed')}</Table.Th>
              <Table.Th>{t('sync.history.pulled')}</Table.Th>
              <Table.Th>{t('sync.history.conflicts')}</Table.Th>
              <Table.Th>{t('sync.history.mismatches')}</Table.Th>
              <Table.Th>{t('sync.history.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="sync-run-row">
                <Table.Td>{formatWhen(r.startedAt, language)}</Table.Td>
                <Table.Td>{t(`sync.history.triggers.${r.trigger}` as 'sync.history.triggers.manual')}</Table.Td>
                <Table.Td>{t(`sync.history.statuses.${r.status}`)}</Table.Td>
                <Table.Td>{r.pushed}</Table.Td>
                <Table.Td>{r.pulled}</Table.Td>
                <Table.Td>{r.conflicts}</Table.Td>
                <Table.Td>{r.mismatches}</Table.Td>
                <Table.Td>{r.error ? r.error[language] : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
