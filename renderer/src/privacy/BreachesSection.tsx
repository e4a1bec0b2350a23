/** The breach register: record a breach, see the 72-hour deadline, record the regulator's notification. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { errorText } from '../auth/error-text';

export function BreachesSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['breaches'], queryFn: () => unwrap(api().privacy.breaches({})) });
  const [form, setForm] = useState({ description: '', dataKinds: '', affectedCount: 0 as number | string });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['breaches'] });
  const record = useMutation({
    mutationFn: () =>
      unwrap(api().privacy.recordBreach({ discoveredAt: new Date().toISOString(), description: form.description, dataKinds: form.dataKinds, affectedCount: Number(form.affectedCount) || 0 })),
    onSuccess: () => (setForm({ description: '', dataKinds: '', affectedCount: 0 }), refresh()),
  });
  const notify = useMutation({
    mutationFn: (b: { id: string; status: 'open' | 'contained' | 'closed'; measures: string | null }) =>
      unwrap(api().privacy.updateBreach({ ...b, regulatorNotified: true, subjectsNotified: false })),
    onSuccess: refresh,
  });
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB');
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('privacy.panel.breaches')}
      </Title>
      <form onSubmit={(e) => (e.preventDefault(), record.mutate())}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('privacy.panel.description')} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} />
          <TextInput label={t('privacy.panel.dataKinds')} value={form.dataKinds} onChange={(e) => setForm({ ...form, dataKinds: e.currentTarget.value })} />
          <NumberInput label={t('privacy.panel.affectedCount')} min={0} value={form.affectedCount} onChange={(v) => setForm({ ...form, affectedCount: v })} />
          <Button type="submit" loading={record.isPending}>
            {t('privacy.panel.newBreach')}
          </Button>
        </Group>
        {record.error && <Alert color="red" mt="xs" role="alert">{errorText(record.error, language)}</Alert>}
      </form>
      {list.data?.length === 0 && <Text c="dimmed">{t('privacy.panel.noBreaches')}</Text>}
      {!!list.data?.length && (
        <Table aria-label={t('privacy.panel.breaches')}>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.description}</Table.Td>
                <Table.Td>{b.affectedCount}</Table.Td>
                <Table.Td>
                  {b.regulatorNotifiedAt ? (
                    <Badge color="teal.9">{t('privacy.panel.regulatorNotified')}</Badge>
                  ) : b.notificationOverdue ? (
                    <Badge color="red.9">{t('privacy.panel.notificationOverdue')}</Badge>
                  ) : (
                    <Text size="sm">{t('privacy.panel.notifyBy', { date: when(b.notifyDueAt) })}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {!b.regulatorNotifiedAt && (
                    <Button size="xs" variant="light" onClick={() => notify.mutate({ id: b.id, status: b.status, measures: b.measures })}>
                      {t('privacy.panel.markNotified')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
