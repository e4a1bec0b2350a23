/** The sync section: where things stand, "Sync now" with progress, the conflict queue and the history. */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { ConflictQueue } from './ConflictQueue';
import { SyncHistory } from './SyncHistory';
import { formatWhen } from './format';
import type { SyncRunView } from '../../../shared/sync/schemas';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={2} className="sync-figure">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

export function SyncScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<SyncRunView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['sync', 'status'],
    queryFn: () => unwrap(api().sync.status({})),
    // While a run is on, the progress line follows it.
    refetchInterval: (q) => (q.state.data?.running ? 700 : false),
  });
  const run = useMutation({
    mutationFn: () => unwrap(api().sync.runNow({})),
    onMutate: () => {
      setResult(null);
      setFailure(null);
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['sync', 'status'] }), 150);
    },
    onSuccess: (r) => setResult(r),
    onError: (e) => setFailure(e instanceof ApiError ? e.payload.message[language] : String(e)),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sync'] });
      await queryClient.invalidateQueries({ queryKey: ['app-info'] });
    },
  });
  const s = status.data;
  const running = run.isPending || s?.running;

  return (
    <section aria-labelledby="sync-title" data-testid="sync-screen">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} id="sync-title">
            {t('sync.title')}
          </Title>
          <Text c="dimmed">{t('sync.intro')}</Text>
        </Stack>
        {s && !s.configured && (
          <Alert color="yellow" data-testid="sync-not-configured">
            {t('sync.notConfigured')}
          </Alert>
        )}
        {s && (
          <Columns cols={4}>
            <Figure testId="sync-last-success" label={t('sync.lastSuccess')} value={formatWhen(s.lastSuccessAt, language) ?? t('sync.never')} />
            <Figure testId="sync-pending" label={t('sync.pending')} value={String(s.pending)} />
            <Figure testId="sync-conflicts" label={t('sync.conflicts')} value={String(s.openConflicts)} />
            <Figure testId="sync-next" label={t('sync.nextRun')} value={formatWhen(s.nextRunAt, language) ?? t('sync.notScheduled')} />
          </Columns>
        )}
        <Group gap="md">
          <Button data-testid="sync-now" onClick={() => run.mutate()} loading={running} disabled={!s?.configured}>
            {t('sync.syncNow')}
          </Button>
          {running && s && (
            <Text role="status" data-testid="sync-progress">
              {t('sync.progress', { phase: t(`sync.phases.${s.progress.phase}`), done: s.progress.done })}
            </Text>
          )}
        </Group>
        {result && (
          <Alert color={result.status === 'ok' ? 'teal' : 'red'} role="status" data-testid="sync-result">
            <Stack gap={4}>
              <Text fw={600}>{t(`sync.result.${result.status}`, { pushed: result.pushed, pulled: result.pulled })}</Text>
              {result.error && <Text>{result.error[language]}</Text>}
            </Stack>
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <ConflictQueue />
        <SyncHistory />
      </Stack>
    </section>
  );
}
