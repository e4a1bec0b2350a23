/** Administrators only: the ID-copies switch, the retention schedule and purge, and a new notice version. */
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { errorText } from '../auth/error-text';

function RetentionRow({ rule }: { rule: { recordType: string; keepDays: number; basis: string } }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number | string>(rule.keepDays);
  const save = useMutation({
    mutationFn: () => unwrap(api().privacy.setRetention({ recordType: rule.recordType, keepDays: Number(days) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['retention'] }),
  });
  return (
    <Table.Tr>
      <Table.Td>{t(`privacy.panel.recordTypes.${rule.recordType}` as 'privacy.panel.retention', { defaultValue: rule.recordType })}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput size="xs" w={110} min={30} max={36500} value={days} onChange={setDays} aria-label={t('privacy.panel.keepDays')} />
          <Button size="xs" variant="default" onClick={() => save.mutate()} disabled={Number(days) === rule.keepDays}>
            {t('auth.users.save')}
          </Button>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{rule.basis}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function AdminPrivacySection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['privacy-settings'], queryFn: () => unwrap(api().privacy.settings({})) });
  const rules = useQuery({ queryKey: ['retention'], queryFn: () => unwrap(api().privacy.retention({})) });
  const setCopies = useMutation({
    mutationFn: (on: boolean) => unwrap(api().privacy.setSettings({ storeIdDocumentCopies: on })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy-settings'] }),
  });
  const purge = useMutation({ mutationFn: () => unwrap(api().privacy.runPurge({ confirm: 'purge' })) });
  const [notice, setNotice] = useState({ bodyAr: '', bodyEn: '' });
  const publish = useMutation({
    mutationFn: () => unwrap(api().privacy.publishNotice(notice)),
    onSuccess: () => (setNotice({ bodyAr: '', bodyEn: '' }), queryClient.invalidateQueries({ queryKey: ['privacy-notice'] })),
  });
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('privacy.panel.settings')}
      </Title>
      <Switch
        label={t('privacy.panel.idCopies')}
        checked={settings.data?.storeIdDocumentCopies ?? false}
        onChange={(e) => setCopies.mutate(e.currentTarget.checked)}
        data-testid="id-copies-switch"
      />
      <Title order={3} size="h4">
        {t('privacy.panel.retention')}
      </Title>
      <Table aria-label={t('privacy.panel.retention')}>
        <Table.Tbody>
          {rules.data?.map((r) => (
            <RetentionRow key={r.recordType} rule={r} />
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" color="red" onClick={() => purge.mutate()} loading={purge.isPending} data-testid="run-purge">
          {t('privacy.panel.runPurge')}
        </Button>
        {purge.data && <Text size="sm">{t('privacy.panel.purged', { summary: purge.data.results.map((r) => `${r.recordType}: ${r.count}`).join('، ') })}</Text>}
      </Group>
      <Title order={3} size="h4">
        {t('privacy.panel.notices')}
      </Title>
      <form onSubmit={(e) => (e.preventDefault(), publish.mutate())}>
        <Stack gap="xs">
          <Textarea label={t('privacy.panel.bodyAr')} autosize minRows={3} value={notice.bodyAr} onChange={(e) => setNotice({ ...notice, bodyAr: e.currentTarget.value })} />
          <Textarea label={t('privacy.panel.bodyEn')} autosize minRows={3} dir="ltr" value={notice.bodyEn} onChange={(e) => setNotice({ ...notice, bodyEn: e.currentTarget.value })} />
          {publish.error && <Alert color="red" role="alert">{errorText(publish.error, language)}</Alert>}
          <Group>
            <Button type="submit" variant="default" loading={publish.isPending}>
              {t('privacy.panel.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
