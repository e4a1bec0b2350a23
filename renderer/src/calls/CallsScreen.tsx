/** The calls section: the day's log with filters and export, and the callback list. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { CALL_DIRECTIONS, type CallFilter, type CallView } from '../../../shared/calls/schemas';
import { riyadhDay } from '../../../shared/calls/riyadh-day';
import { toLatinDigits } from '../../../shared/text/digits';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { useExportProtection } from '../encryption/use-export-protection';
import { formatDuration } from './use-call-timer';
import { openQuickCall } from './quick-call-events';

import { timeOfDay } from '../reception/format';
import { displayPhone } from '../../../shared/validation/phone';

function useTopicName() {
  const language = useLanguage();
  const topics = useQuery({ queryKey: ['calls', 'topics'], queryFn: () => unwrap(api().calls.topics({})) });
  return { topics: topics.data ?? [], name: (k: string) => topics.data?.find((x) => x.key === k)?.[language] ?? k };
}

function CallLog() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { topics, name } = useTopicName();
  const staff = useQuery({ queryKey: ['calls', 'staff'], queryFn: () => unwrap(api().calls.staff({})) });
  const [day, setDay] = useState(riyadhDay(new Date()));
  const [f, setF] = useState({ direction: '', topic: '', staffId: '', linked: '' });
  const dayValue = toLatinDigits(day).trim();
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(dayValue);
  const filter: CallFilter = {
    day: dayValue,
    direction: (f.direction || null) as CallFilter['direction'],
    topic: f.topic || null,
    staffId: f.staffId || null,
    linked: (f.linked || null) as CallFilter['linked'],
  };
  const calls = useQuery({ queryKey: ['calls', 'list', filter], queryFn: () => unwrap(api().calls.list(filter)), enabled: validDay });
  const [exported, setExported] = useState<number | null>(null);
  const protection = useExportProtection(true, 'calls-export');
  const exportCsv = useMutation({
    mutationFn: async () => {
      const r = await unwrap(api().calls.exportCsv(filter));
      await protection.deliver({ fileName: r.fileName, text: r.csv, mime: 'text/csv;charset=utf-8' });
      return r;
    },
    onSuccess: (r) => setExported(r.rows),
  });
  const all = { value: '', label: t('calls.filters.all') };
  const rows = calls.data ?? [];

  return (
    <Stack gap="sm">
      <Columns cols={4}>
        <TextInput label={t('calls.day')} dir="ltr" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={validDay ? undefined : t('calls.fixFields')} data-testid="calls-day" />
        <NativeSelect label={t('calls.filters.direction')} data={[all, ...CALL_DIRECTIONS.map((d) => ({ value: d, label: t(`calls.directions.${d}`) }))]} value={f.direction} onChange={(e) => setF({ ...f, direction: e.currentTarget.value })} data-testid="filter-direction" />
        <NativeSelect label={t('calls.filters.topic')} data={[all, ...topics.map((x) => ({ value: x.key, label: x[language] }))]} value={f.topic} onChange={(e) => setF({ ...f, topic: e.currentTarget.value })} data-testid="filter-topic" />
        <NativeSelect label={t('calls.filters.staff')} data={[all, ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))]} value={f.staffId} onChange={(e) => setF({ ...f, staffId: e.currentTarget.value })} />
      </Columns>
      <Group justify="space-between">
        <NativeSelect
          label={t('calls.filters.linked')}
          data={[all, { value: 'linked', label: t('calls.filters.linkedValues.linked') }, { value: 'unlinked', label: t('calls.filters.linkedValues.unlinked') }]}
          value={f.linked}
          onChange={(e) => setF({ ...f, linked: e.currentTarget.value })}
          data-testid="filter-linked"
        />
        <Group>
          {exported !== null && <Text size="sm" role="status">{t('calls.exported', { count: exported })}</Text>}
          <Button variant="default" onClick={() => protection.ready() && exportCsv.mutate()} disabled={!validDay} loading={exportCsv.isPending} data-testid="calls-export">
            {t('calls.exportCsv')}
          </Button>
        </Group>
      </Group>
      {protection.controls}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('calls.empty')}</Text>
      ) : (
        <Table striped data-testid="calls-table">
          <Table.Thead>
            <Table.Tr>
              {(['time', 'direction', 'phone', 'who', 'topic', 'summary', 'outcome', 'duration', 'staff'] as const).map((c) => (
                <Table.Th key={c}>{t(`calls.columns.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id} data-testid="call-row">
                <Table.Td className="ltr-value">{timeOfDay(c.startedAt, language)}</Table.Td>
                <Table.Td>{t(`calls.directions.${c.direction}`)}</Table.Td>
                <Table.Td className="ltr-value">{displayPhone(c.phone)}</Table.Td>
                <Table.Td>{c.beneficiaryName ?? c.callerName ?? t('calls.unknownCaller')}</Table.Td>
                <Table.Td>{name(c.topic)}</Table.Td>
                <Table.Td>{c.summary}</Table.Td>
                <Table.Td>{t(`calls.outcomes.${c.outcome}`)}</Table.Td>
                <Table.Td className="ltr-value">{formatDuration(c.durationSeconds)}</Table.Td>
                <Table.Td>{c.staffName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function CloseFollowUp({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const close = useMutation({
    mutationFn: () => unwrap(api().calls.closeFollowUp({ id: call.id, note })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calls'] }),
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput size="xs" aria-label={t('calls.closingNote')} placeholder={t('calls.closingNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Button size="xs" onClick={() => close.mutate()} loading={close.isPending} data-testid="close-follow-up">
        {t('calls.closeFollowUp')}
      </Button>
    </Group>
  );
}

function Callbacks() {
  const { t } = useTranslation();
  const { name } = useTopicName();
  const list = useQuery({ queryKey: ['calls', 'followUps'], queryFn: () => unwrap(api().calls.followUps({})) });
  const rows = list.data ?? [];
  if (list.isError) return <Alert color="red">{(list.error as Error).message}</Alert>;
  if (rows.length === 0) return <Text c="dimmed">{t('calls.callbacksEmpty')}</Text>;
  return (
    <Table data-testid="callbacks-table">
      <Table.Thead>
        <Table.Tr>
          {(['due', 'who', 'phone', 'topic', 'summary', 'assignee'] as const).map((c) => (
            <Table.Th key={c}>{t(`calls.columns.${c}`)}</Table.Th>
          ))}
          <Table.Th>{t('calls.closeFollowUp')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id} data-testid="callback-row" data-overdue={c.overdue}>
            <Table.Td>
              <span className="ltr-value">{c.followUpDue}</span>{' '}
              {c.overdue && (
                <Badge color="red" variant="filled">
                  {t('calls.overdue')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{c.beneficiaryName ?? c.callerName ?? t('calls.unknownCaller')}</Table.Td>
            <Table.Td className="ltr-value">{displayPhone(c.phone)}</Table.Td>
            <Table.Td>{name(c.topic)}</Table.Td>
            <Table.Td>{c.followUpNote ?? c.summary}</Table.Td>
            <Table.Td>{c.followUpAssigneeName}</Table.Td>
            <Table.Td>
              <CloseFollowUp call={c} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CallsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" className="channels-screen">
      <Group justify="space-between">
        <Title order={1}>{t('calls.title')}</Title>
        <Group>
          <Text size="sm" c="dimmed">
            {t('calls.shortcutHint')}
          </Text>
          <Button onClick={openQuickCall} aria-keyshortcuts="F2 Control+K" data-testid="new-call">
            {t('calls.newCall')}
          </Button>
        </Group>
      </Group>
      <Tabs defaultValue="log" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="log">{t('calls.tabs.log')}</Tabs.Tab>
          <Tabs.Tab value="callbacks" data-testid="tab-callbacks">
            {t('calls.tabs.callbacks')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log" pt="md">
          <CallLog />
        </Tabs.Panel>
        <Tabs.Panel value="callbacks" pt="md">
          <Callbacks />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
