/** Data-subject requests: record, watch the deadline, extend once with a notice, export (access), close. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { errorText } from '../auth/error-text';
import { useExportProtection } from '../encryption/use-export-protection';
import { formatGregorian } from '../../../shared/dates/calendars';
import { DSR_KINDS, type RequestView } from '../../../shared/privacy/schemas';

function RequestRow({ r }: { r: RequestView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const protection = useExportProtection(true, 'dsr-export');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['dsr'] });
  const extend = useMutation({ mutationFn: () => unwrap(api().privacy.extendRequest({ id: r.id, notice: text })), onSuccess: refresh });
  const close = useMutation({ mutationFn: (status: 'completed' | 'refused') => unwrap(api().privacy.closeRequest({ id: r.id, status, outcome: text })), onSuccess: refresh });
  const exp = useMutation({
    mutationFn: async () => {
      const out = await unwrap(api().privacy.exportRequest({ id: r.id }));
      return { fileName: await protection.deliver({ fileName: out.fileName, text: out.json, mime: 'application/json;charset=utf-8' }) };
    },
  });
  const pdf = useMutation({
    mutationFn: async () => ({ fileName: await protection.deliver(await unwrap(api().privacy.exportRequestPdf({ id: r.id }))) }),
  });
  const exportedFile = pdf.data?.fileName ?? exp.data?.fileName;
  const error = extend.error ?? close.error ?? exp.error ?? pdf.error;
  return (
    <Table.Tr data-testid="dsr-row">
      <Table.Td>
        {r.beneficiaryName} <span className="ltr-value">{r.beneficiaryReference}</span>
      </Table.Td>
      <Table.Td>{t(`privacy.panel.kinds.${r.kind}`)}</Table.Td>
      <Table.Td>
        {formatGregorian(new Date(r.dueAt), language)}{' '}
        {r.status === 'open' &&
          (r.overdue ? <Badge color="red.9">{t('privacy.panel.overdue')}</Badge> : <Badge color="blue.9">{t('privacy.panel.daysLeft', { count: r.daysLeft })}</Badge>)}
      </Table.Td>
      <Table.Td>{t(`privacy.panel.statuses.${r.status}`)}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {r.kind === 'access' && (
            <Group gap={4}>
              <Button size="xs" variant="light" onClick={() => protection.ready() && exp.mutate()} loading={exp.isPending} data-testid="dsr-export">
                {t('privacy.panel.export')}
              </Button>
              <Button size="xs" variant="light" onClick={() => protection.ready() && pdf.mutate()} loading={pdf.isPending} data-testid="dsr-export-pdf">
                {t('privacy.panel.exportPdf')}
              </Button>
            </Group>
          )}
          {r.kind === 'access' && protection.controls}
          {exportedFile && <Text size="xs" data-testid="dsr-exported">{t('privacy.panel.exported', { file: exportedFile })}</Text>}
          {r.status === 'open' && (
            <Group gap={4} wrap="nowrap">
              <TextInput size="xs" aria-label={`${t('privacy.panel.outcome')} / ${t('privacy.panel.extensionNotice')}`} placeholder={t('privacy.panel.outcome')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              {!r.extendedAt && (
                <Button size="xs" variant="default" disabled={!text} onClick={() => extend.mutate()}>
                  {t('privacy.panel.extend')}
                </Button>
              )}
              <Button size="xs" disabled={!text} onClick={() => close.mutate('completed')}>
                {t('privacy.panel.completed')}
              </Button>
              <Button size="xs" variant="default" disabled={!text} onClick={() => close.mutate('refused')}>
                {t('privacy.panel.refused')}
              </Button>
            </Group>
          )}
          {error && <Text size="xs" c="red" role="alert">{errorText(error, language)}</Text>}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function RequestsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['dsr'], queryFn: () => unwrap(api().privacy.requests({ openOnly: false })) });
  const [form, setForm] = useState({ beneficiary: '', kind: 'access' as (typeof DSR_KINDS)[number], details: '' });
  const create = useMutation({
    mutationFn: async () => {
      // The box takes a reference or a name/ID typed as in the registry search; the first match is used.
      const found = await unwrap(api().beneficiaries.search({ query: form.beneficiary, limit: 1 }));
      if (!found[0]) throw new Error(t('beneficiaries.noResults'));
      return unwrap(api().privacy.createRequest({ beneficiaryId: found[0].id, kind: form.kind, details: form.details || null }));
    },
    onSuccess: () => (setForm({ beneficiary: '', kind: 'access', details: '' }), queryClient.invalidateQueries({ queryKey: ['dsr'] })),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('privacy.panel.requests')}
      </Title>
      <form onSubmit={(e) => (e.preventDefault(), create.mutate())}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('privacy.panel.beneficiaryId')} value={form.beneficiary} onChange={(e) => setForm({ ...form, beneficiary: e.currentTarget.value })} data-testid="dsr-beneficiary" />
          <NativeSelect
            label={t('privacy.panel.kind')}
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as (typeof DSR_KINDS)[number] })}
            data={DSR_KINDS.map((k) => ({ value: k, label: t(`privacy.panel.kinds.${k}`) }))}
            data-testid="dsr-kind"
          />
          <TextInput label={t('privacy.panel.details')} value={form.details} onChange={(e) => setForm({ ...form, details: e.currentTarget.value })} />
          <Button type="submit" loading={create.isPending} data-testid="dsr-create">
            {t('privacy.panel.create')}
          </Button>
        </Group>
        {create.error && <Alert color="red" mt="xs" role="alert">{errorText(create.error, language)}</Alert>}
      </form>
      {list.data?.length === 0 && <Text c="dimmed">{t('privacy.panel.noRequests')}</Text>}
      {!!list.data?.length && (
        <Table aria-label={t('privacy.panel.requests')}>
          <Table.Tbody>
            {list.data.map((r) => (
              <RequestRow key={r.id} r={r} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
