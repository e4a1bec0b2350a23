/** Backups: the list, "back up now", and a verified preview of what a backup holds. */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { formatGregorian, formatHijri } from '../../../shared/dates/calendars';
import { RecoverySection } from '../encryption/RecoverySection';

type Summary = { file: string; counts: Record<string, number> };

export function BackupsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const list = useQuery({ queryKey: ['backups'], queryFn: () => unwrap(api().backups.list({})) });
  const describe = (s: Summary) =>
    `${s.file} — ${t('settings.backups.holds', { beneficiaries: s.counts.beneficiaries ?? 0, users: s.counts.users ?? 0, audit: s.counts.audit_log ?? 0 })}`;
  const fail = (e: unknown) => setMessage({ ok: false, text: e instanceof ApiError ? e.payload.message[language] : String(e) });
  const create = useMutation({
    mutationFn: () => unwrap(api().backups.create({})),
    onSuccess: async (s) => {
      setMessage({ ok: true, text: `${t('settings.backups.done')} ${describe(s)}` });
      await client.invalidateQueries({ queryKey: ['backups'] });
    },
    onError: fail,
  });
  const verify = useMutation({
    mutationFn: (name: string) => unwrap(api().backups.verify({ name })),
    onSuccess: (s) => setMessage({ ok: true, text: describe(s) }),
    onError: fail,
  });
  const rows = list.data ?? [];
  return (
    <Stack>
      <Text>{t('settings.backups.intro')}</Text>
      <Group>
        <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="backup-now">
          {t('settings.backups.backupNow')}
        </Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} data-testid="backup-message">
          {message.text}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('settings.backups.empty')}</Text>
      ) : (
        <Table data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.backups.name')}</Table.Th>
              <Table.Th>{t('settings.backups.at')}</Table.Th>
              <Table.Th>{t('settings.backups.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td className="ltr-value">{b.name}</Table.Td>
                <Table.Td>{`${formatGregorian(new Date(b.at), language)} — ${formatHijri(new Date(b.at), language)}`}</Table.Td>
                <Table.Td className="ltr-value">{`${(b.bytes / 1024).toFixed(0)} KB`}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => verify.mutate(b.name)}>
                    {t('settings.backups.verify')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="dimmed">
        {t('settings.backups.restoreHint')}
      </Text>
      <RecoverySection />
    </Stack>
  );
}
