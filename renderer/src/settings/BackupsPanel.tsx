/**
 * Backups: the list, "back up now", a verified preview of what a backup holds, and restore:
 * the administrator confirms on the preview, the app restarts and restores it before opening the
 * data (main/backup/pending-restore.ts), and this panel then says what the restore did.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { formatGregorian, formatHijri } from '../../../shared/dates/calendars';
import { RecoverySection } from '../encryption/RecoverySection';
import { useSession } from '../auth/use-session';

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
  const isAdmin = useSession().data?.user.role === 'administrator';
  const lastRestore = useQuery({ queryKey: ['backups', 'lastRestore'], queryFn: () => unwrap(api().backups.lastRestore({})) });
  // The backup being restored: verified first, so the confirmation shows what it holds.
  const [confirming, setConfirming] = useState<Summary | null>(null);
  const preview = useMutation({
    mutationFn: (name: string) => unwrap(api().backups.verify({ name })),
    onSuccess: (s) => {
      setMessage(null);
      setConfirming(s);
    },
    onError: fail,
  });
  const restore = useMutation({
    mutationFn: (name: string) => unwrap(api().backups.restore({ name })),
    onSuccess: (r) => {
      setConfirming(null);
      setMessage({ ok: true, text: r.restarting ? t('settings.backups.restarting') : t('settings.backups.reopenToRestore') });
    },
    onError: fail,
  });
  const rows = list.data ?? [];
  const last = lastRestore.data;
  return (
    <Stack>
      <Text>{t('settings.backups.intro')}</Text>
      <Group>
        <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="backup-now">
          {t('settings.backups.backupNow')}
        </Button>
      </Group>
      {last && (
        <Alert color={last.ok ? 'teal' : 'red'} role="status" data-testid="last-restore">
          {last.ok
            ? t('settings.backups.restored', { name: last.backup, beneficiaries: last.counts?.beneficiaries ?? 0, safety: last.safetyBackup ?? '—' })
            : t('settings.backups.restoreRefused', { name: last.backup })}
        </Alert>
      )}
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
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="light" onClick={() => verify.mutate(b.name)}>
                      {t('settings.backups.verify')}
                    </Button>
                    {isAdmin && (
                      <Button size="compact-sm" variant="default" color="red" onClick={() => preview.mutate(b.name)} loading={preview.isPending && preview.variables === b.name} data-testid="restore-backup">
                        {t('settings.backups.restore')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {confirming && (
        <Paper withBorder p="md" role="region" aria-labelledby="restore-confirm-title" data-testid="restore-confirm">
          <Stack gap="sm">
            <Text fw={700} id="restore-confirm-title">
              {t('settings.backups.confirmTitle', { name: confirming.file })}
            </Text>
            <Text>{describe(confirming)}</Text>
            <Text size="sm">{t('settings.backups.confirmBody')}</Text>
            <Group>
              <Button color="red" onClick={() => restore.mutate(confirming.file)} loading={restore.isPending} data-testid="restore-confirm-button">
                {t('settings.backups.confirmRestore')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('settings.backups.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Text size="sm" c="dimmed">
        {t('settings.backups.restoreHint')}
      </Text>
      <RecoverySection />
    </Stack>
  );
}
