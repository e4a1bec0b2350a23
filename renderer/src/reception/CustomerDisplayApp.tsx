/**
 * The customer-facing window (`index.html?display=customer`, opened by the shell on a second
 * screen): the ticket being served, and — when the officer asks — the five faces to rate the visit.
 * It has its own providers because it shows nothing of the staff app.
 */
import { useState } from 'react';
import { DirectionProvider, MantineProvider, Stack, Text, Textarea, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { theme } from '../app/theme';
import { directionOf } from '../i18n';
import { useLanguage } from '../app/use-language';
import { api, unwrap } from '../api/client';
import { Face, RATING_LEVELS } from './Face';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

export function isCustomerDisplay(): boolean {
  return new URLSearchParams(window.location.search).get('display') === 'customer';
}

function CustomerDisplay() {
  const { t } = useTranslation();
  const [thanked, setThanked] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const display = useQuery({ queryKey: ['walkIns', 'customerDisplay'], queryFn: () => unwrap(api().walkIns.customerDisplay({})), refetchInterval: 1500, refetchIntervalInBackground: true });
  const visitId = display.data?.ratingVisitId ?? null;
  const rate = useMutation({
    mutationFn: (rating: number) => unwrap(api().walkIns.rate({ visitId: visitId!, rating, comment })),
    onSuccess: (r) => {
      setThanked(r.visitId);
      setComment('');
      setTimeout(() => setThanked(null), 5000);
      void display.refetch();
    },
  });

  return (
    <main className="customer-display" data-testid="customer-display">
      <Stack gap="xl" align="center">
        <Title order={1}>{t('reception.customer.welcome')}</Title>
        {thanked ? (
          <Text className="customer-thanks" role="status" data-testid="customer-thanks">
            {t('reception.rating.thanks')}
          </Text>
        ) : visitId ? (
          <Stack gap="md" align="center">
            <Title order={2}>{t('reception.rating.title')}</Title>
            <Text>{t('reception.rating.intro')}</Text>
            <div role="group" aria-label={t('reception.rating.title')} className="rating-faces customer-faces">
              {RATING_LEVELS.map((level, i) => (
                <button key={level} type="button" className="rating-face" onClick={() => rate.mutate(i + 1)} aria-label={`${i + 1} — ${t(`reception.rating.faces.${i + 1}`)}`} data-testid={`customer-rate-${i + 1}`}>
                  <Face level={level} size={72} />
                  <span className="rating-label">{t(`reception.rating.faces.${i + 1}`)}</span>
                </button>
              ))}
            </div>
            <Textarea label={t('reception.rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} w={480} data-testid="customer-comment" />
          </Stack>
        ) : (
          <Stack gap="xs" align="center">
            <Text size="xl">{t('reception.customer.nowServing')}</Text>
            <Text className="ticket-number customer-ticket ltr-value" data-testid="customer-now-serving">
              {display.data?.nowServing ?? '—'}
            </Text>
          </Stack>
        )}
      </Stack>
    </main>
  );
}

export function CustomerDisplayApp() {
  const language = useLanguage();
  return (
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
        <QueryClientProvider client={queryClient}>
          <CustomerDisplay />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
