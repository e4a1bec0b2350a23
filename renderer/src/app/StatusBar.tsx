/** The bottom bar: who is signed in, where, today's date in both calendars, sync and printer. */
import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatGregorian, formatHijri } from '../../../shared/dates/calendars';
import { useLanguage } from './use-language';
import { syncStatusText } from '../sync/format';

function Item({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Text size="sm" data-testid={testId}>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

export function StatusBar() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useQuery({ queryKey: ['session'], queryFn: () => unwrap(api().session.current({})) });
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => unwrap(api().app.info({})) });
  const today = new Date();
  const s = session.data;

  return (
    <Group component="footer" aria-label={t('status.label')} gap="lg" px="md" py={6} className="status-bar" wrap="wrap">
      <Item testId="status-user" label={t('status.user')} value={s ? s.user.displayName : '—'} />
      <Item testId="status-counter" label={t('status.counter')} value={s ? `${s.counter.name} (${s.counter.code})` : '—'} />
      <Item
        testId="status-date"
        label={t('status.today')}
        value={`${formatGregorian(today, language)} — ${formatHijri(today, language)}`}
      />
      <Item
        testId="status-sync"
        label={t('status.sync')}
        value={syncStatusText(t, info.data?.sync, language)}
      />
      <Item
        testId="status-printer"
        label={t('status.printer')}
        value={info.data ? t(`printing.statusBar.${info.data.printer.state}`) : '—'}
      />
      {s?.autoSignedIn && (
        <Text size="xs" c="dimmed">
          {t('status.autoSignedIn')}
        </Text>
      )}
    </Group>
  );
}
