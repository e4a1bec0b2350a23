/** Settings: the list of call topics (managers and administrators save it). */
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { CallTopic } from '../../../shared/calls/schemas';
import { useLanguage } from '../app/use-language';

export function TopicsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const topics = useQuery({ queryKey: ['calls', 'topics'], queryFn: () => unwrap(api().calls.topics({})) });
  const [rows, setRows] = useState<CallTopic[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (topics.data) setRows(topics.data);
  }, [topics.data]);
  const save = useMutation({
    mutationFn: () => unwrap(api().calls.setTopics({ topics: rows })),
    onSuccess: async () => {
      setMessage({ ok: true, text: t('calls.topicsPanel.saved') });
      await queryClient.invalidateQueries({ queryKey: ['calls', 'topics'] });
    },
    onError: (e) => setMessage({ ok: false, text: e instanceof ApiError ? (e.payload.fields?.[0]?.message ?? e.payload.message)[language] : String(e) }),
  });
  const update = (i: number, patch: Partial<CallTopic>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm" data-testid="topics-panel">
      <Title order={2} size="h4">
        {t('calls.topicsPanel.title')}
      </Title>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role="status">
          {message.text}
        </Alert>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calls.topicsPanel.key')}</Table.Th>
            <Table.Th>{t('calls.topicsPanel.ar')}</Table.Th>
            <Table.Th>{t('calls.topicsPanel.en')}</Table.Th>
            <Table.Th>{t('calls.topicsPanel.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput size="xs" dir="ltr" aria-label={t('calls.topicsPanel.key')} value={r.key} onChange={(e) => update(i, { key: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={t('calls.topicsPanel.ar')} value={r.ar} onChange={(e) => update(i, { ar: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" dir="ltr" aria-label={t('calls.topicsPanel.en')} value={r.en} onChange={(e) => update(i, { en: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <Checkbox aria-label={t('calls.topicsPanel.active')} checked={r.active} onChange={(e) => update(i, { active: e.currentTarget.checked })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => setRows([...rows, { key: '', ar: '', en: '', active: true }])}>
          {t('calls.topicsPanel.add')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('calls.topicsPanel.save')}
        </Button>
      </Group>
    </Stack>
  );
}
