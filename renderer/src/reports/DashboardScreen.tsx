/**
 * Today at a glance, for managers (and compact, for the counter): polls the core every few
 * seconds, which costs a handful of indexed COUNTs, and refetches when the window regains focus.
 */
import { useState } from 'react';
import { NativeSelect, Paper, Stack, Text, Title, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { Dashboard } from '../../../shared/reports/schemas';
import { numberFormat } from '../../../shared/text/format-number';
import { useLanguage } from '../app/use-language';

export const DASHBOARD_REFRESH_MS = 5000;

function Tile({ label, value, testId, warn = false }: { label: string; value: string; testId: string; warn?: boolean }) {
  return (
    <Paper withBorder p="sm" className={`report-tile${warn ? ' report-tile-warn' : ''}`}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

export function DashboardTiles({ counterId, compact = false }: { counterId: string | null; compact?: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['reports', 'dashboard', counterId],
    queryFn: () => unwrap(api().reports.dashboard({ counterId })),
    refetchInterval: DASHBOARD_REFRESH_MS,
  });
  const d: Dashboard | undefined = q.data;
  const nf = numberFormat(useLanguage());
  const num = (v: number | null | undefined) => (v === null || v === undefined ? t('reports.dashboard.none') : nf.format(v));
  const min = (v: number | null | undefined) => (v === null || v === undefined ? t('reports.dashboard.none') : t('reports.dashboard.minutes', { value: nf.format(v) }));
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? t('reports.dashboard.none') : t('reports.dashboard.percent', { value: nf.format(v) }));
  const queue = (
    <>
      <Tile label={t('reports.dashboard.waitingNow')} value={num(d?.waitingNow)} testId="dash-waiting" />
      <Tile label={t('reports.dashboard.served')} value={num(d?.served)} testId="dash-served" />
      <Tile label={t('reports.dashboard.avgWait')} value={min(d?.avgWaitMinutes)} testId="dash-avg-wait" />
      <Tile label={t('reports.dashboard.p90Wait')} value={min(d?.p90WaitMinutes)} testId="dash-p90-wait" />
    </>
  );
  if (compact) {
    return (
      <div className="report-tiles report-tiles-compact" data-testid="dashboard-compact">
        {queue}
        <Tile label={t('reports.dashboard.csat')} value={pct(d?.csatToday)} testId="dash-csat" />
      </div>
    );
  }
  return (
    <Stack gap="md" data-testid="dashboard">
      <Title order={3}>{t('reports.dashboard.groups.queue')}</Title>
      <div className="report-tiles">
        {queue}
        <Tile label={t('reports.dashboard.avgService')} value={min(d?.avgServiceMinutes)} testId="dash-avg-service" />
        <Tile label={t('reports.dashboard.p90Service')} value={min(d?.p90ServiceMinutes)} testId="dash-p90-service" />
      </div>
      <Title order={3}>{t('reports.dashboard.groups.channels')}</Title>
      <div className="report-tiles">
        <Tile label={t('reports.dashboard.calls')} value={num(d?.callsToday)} testId="dash-calls" />
        <Tile label={t('reports.dashboard.openFollowUps')} value={num(d?.openFollowUps)} testId="dash-follow-ups" />
        <Tile label={t('reports.dashboard.letters')} value={num(d?.lettersToday)} testId="dash-letters" />
        <Tile label={t('reports.dashboard.overdueReplies')} value={num(d?.overdueReplies)} testId="dash-overdue" warn={(d?.overdueReplies ?? 0) > 0} />
      </div>
      <Title order={3}>{t('reports.dashboard.groups.committee')}</Title>
      <div className="report-tiles">
        <Tile label={t('reports.dashboard.awaitingCommittee')} value={num(d?.awaitingCommittee)} testId="dash-committee" />
        <Tile label={t('reports.dashboard.awaitingPast14')} value={num(d?.awaitingPast14Days)} testId="dash-committee-late" warn={(d?.awaitingPast14Days ?? 0) > 0} />
      </div>
      <Title order={3}>{t('reports.dashboard.groups.satisfaction')}</Title>
      <div className="report-tiles">
        <Tile label={t('reports.dashboard.csat')} value={pct(d?.csatToday)} testId="dash-csat" />
        <Tile label={t('reports.dashboard.ratings')} value={num(d?.ratingsToday)} testId="dash-ratings" />
      </div>
    </Stack>
  );
}

export function CounterSelect({ value, onChange, testId }: { value: string; onChange: (v: string) => void; testId: string }) {
  const { t } = useTranslation();
  const counters = useQuery({ queryKey: ['reports', 'counters'], queryFn: () => unwrap(api().reports.counters({})) });
  return (
    <NativeSelect
      label={t('reports.dashboard.counter')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('reports.dashboard.allCounters') }, ...(counters.data ?? []).map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.code})` : c.code }))]}
      data-testid={testId}
    />
  );
}

export function DashboardScreen() {
  const { t } = useTranslation();
  const [counterId, setCounterId] = useState('');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Stack gap={2}>
          <Title order={2}>{t('reports.dashboard.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('reports.dashboard.live')}
          </Text>
        </Stack>
        <CounterSelect value={counterId} onChange={setCounterId} testId="dashboard-counter" />
      </Group>
      <DashboardTiles counterId={counterId || null} />
    </Stack>
  );
}
