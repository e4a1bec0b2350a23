/** The queue a person works through: both values (or both records) side by side, one decision each. */
import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { conflictValue, formatWhen } from './format';
import type { ConflictView } from '../../../shared/sync/schemas';

function Side({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function ConflictCard({ c, onResolve, busy }: { c: ConflictView; onResolve: (choice: 'local' | 'remote') => void; busy: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const empty = t('sync.queue.empty_value');
  const isField = c.kind === 'field';
  // Two counters' different committee outcomes for one request (main/sync/synced-tables.ts).
  const isDecision = isField && c.table === 'support_requests' && c.field === 'status';
  const shown = (json: string | null) => {
    const v = conflictValue(json, empty);
    return isDecision ? t(`requests.statuses.${v}` as 'requests.statuses.accepted', { defaultValue: v }) : v;
  };
  const intro = isDecision ? 'sync.queue.decisionIntro' : isField ? 'sync.queue.fieldIntro' : c.kind === 'duplicate' ? 'sync.queue.duplicateIntro' : c.table === 'users' ? 'sync.queue.usernameIntro' : 'sync.queue.uniqueIntro';
  return (
    <Card withBorder padding="md" data-testid="sync-conflict" aria-label={c.label}>
      <Stack gap="sm">
        <Text size="sm">{t(intro)}</Text>
        <Text size="xs" c="dimmed">
          {formatWhen(c.detectedAt, language)}
        </Text>
        {isField ? (
          <Columns cols={4}>
            <Side testId="conflict-record" label={t('sync.queue.record')} value={c.label} />
            <Side testId="conflict-field" label={t('sync.queue.field')} value={t(`sync.fields.${c.field}` as 'sync.fields.name', { defaultValue: c.field ?? '' })} />
            <Side testId="conflict-local" label={t('sync.queue.localValue')} value={shown(c.localValue)} />
            <Side testId="conflict-remote" label={t('sync.queue.remoteValue')} value={shown(c.remoteValue)} />
          </Columns>
        ) : (
          <Columns cols={2}>
            <Side testId="conflict-local" label={t('sync.queue.otherRecord')} value={c.otherLabel ?? '—'} />
            <Side testId="conflict-remote" label={t('sync.queue.record')} value={c.label} />
          </Columns>
        )}
        <Group gap="sm">
          <Button data-testid="conflict-keep-local" disabled={busy} onClick={() => onResolve('local')}>
            {t(isDecision ? 'sync.queue.keepLocalDecision' : isField ? 'sync.queue.keepLocal' : 'sync.queue.keepLocalRecord')}
          </Button>
          <Button data-testid="conflict-keep-remote" variant="default" disabled={busy} onClick={() => onResolve('remote')}>
            {t(isDecision ? 'sync.queue.keepRemoteDecision' : isField ? 'sync.queue.keepRemote' : 'sync.queue.keepRemoteRecord')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ConflictQueue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const conflicts = useQuery({ queryKey: ['sync', 'conflicts'], queryFn: () => unwrap(api().sync.conflicts({})) });
  const resolve = useMutation({
    mutationFn: (v: { id: string; choice: 'local' | 'remote' }) => unwrap(api().sync.resolve(v)),
    onSuccess: () => setMessage({ ok: true, text: t('sync.queue.resolved') }),
    onError: (e) => setMessage({ ok: false, text: e instanceof ApiError ? e.payload.message[language] : String(e) }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['sync'] });
      await queryClient.invalidateQueries({ queryKey: ['app-info'] });
    },
  });
  const list = conflicts.data ?? [];
  return (
    <Stack gap="sm" data-testid="sync-queue">
      <Title order={2} size="h4">
        {t('sync.queue.title')}
      </Title>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role="status">
          {message.text}
        </Alert>
      )}
      {list.length === 0 ? (
        <Text c="dimmed">{t('sync.queue.empty')}</Text>
      ) : (
        list.map((c) => <ConflictCard key={c.id} c={c} busy={resolve.isPending} onResolve={(choice) => resolve.mutate({ id: c.id, choice })} />)
      )}
    </Stack>
  );
}
