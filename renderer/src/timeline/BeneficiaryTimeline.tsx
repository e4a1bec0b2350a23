/** One chronological list of every contact with a beneficiary, across channels, with kind filters. */
import { displayReference } from '../../../shared/letters/reference-pattern';
import { useState } from 'react';
import { Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { formatGregorian, formatHijri, formatTimeOfDay } from '../../../shared/dates/calendars';
import { useLanguage } from '../app/use-language';
import { TimelineIcon } from './TimelineIcon';

export function BeneficiaryTimeline({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kinds, setKinds] = useState<string[]>([]);
  const timeline = useQuery({
    queryKey: ['timeline', beneficiaryId, kinds],
    queryFn: () => unwrap(api().timeline.forBeneficiary({ beneficiaryId, kinds: kinds.length ? kinds : null })),
  });
  const data = timeline.data;
  const kindName = (k: string) => t(`timeline.kinds.${k}`, { defaultValue: k });
  const time = (iso: string) => formatTimeOfDay(new Date(iso), language);

  return (
    <Paper withBorder p="md" data-testid="beneficiary-timeline">
      <Title order={2} size="h4" mb="sm">
        {t('timeline.title')}
      </Title>
      {data && data.kinds.length > 0 && (
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap="xs" mb="sm" role="group" aria-label={t('timeline.filterLabel')}>
            {data.kinds.map((k) => (
              <Chip key={k.kind} value={k.kind} size="sm" data-testid={`timeline-filter-${k.kind}`}>
                {kindName(k.kind)} ({k.count})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {!data || data.items.length === 0 ? (
        <Text c="dimmed">{t('timeline.empty')}</Text>
      ) : (
        <ol className="timeline-list">
          {data.items.map((item) => {
            const at = new Date(item.at);
            return (
              <li key={`${item.kind}-${item.id}`} className="timeline-item" data-testid="timeline-item" data-kind={item.kind}>
                <span className={`timeline-marker timeline-marker-${item.kind}`}>
                  <TimelineIcon kind={item.kind} />
                </span>
                <Stack gap={0}>
                  <Group gap="xs">
                    <Text fw={600}>{item.title[language]}</Text>
                    {item.reference && (
                      <Text size="sm" c="dimmed" className="ltr-value">
                        {displayReference(item.reference)}
                      </Text>
                    )}
                  </Group>
                  {item.detail && <Text size="sm">{item.detail}</Text>}
                  <Text size="xs" c="dimmed">
                    <span className="visually-hidden">{kindName(item.kind)} — </span>
                    {formatGregorian(at, language)} · {formatHijri(at, language)} · <span className="ltr-value">{time(item.at)}</span>
                    {item.staffName ? ` · ${t('timeline.by', { name: item.staffName })}` : ''}
                  </Text>
                </Stack>
              </li>
            );
          })}
        </ol>
      )}
    </Paper>
  );
}
