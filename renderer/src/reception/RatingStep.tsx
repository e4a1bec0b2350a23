/**
 * One-tap satisfaction at the end of a visit: five faces (or the digits 1–5), an optional comment.
 * The policy: rating the service is the beneficiary's right, a tool to improve, not to punish.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';
import { Face, RATING_LEVELS } from './Face';


export function RatingStep({ visitId, onDone }: { visitId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [comment, setComment] = useState('');
  const group = useRef<HTMLDivElement>(null);
  const rate = useMutation({
    mutationFn: (rating: number) => unwrap(api().walkIns.rate({ visitId, rating, comment })),
    onSuccess: onDone,
  });
  const refusal = rate.error ? refusalOf(rate.error, language, t('reception.errors.generic')) : null;
  useEffect(() => group.current?.querySelector<HTMLElement>('button')?.focus(), []);
  // Rating on the customer-facing window: ask there, then watch this visit until it is rated.
  const ask = useMutation({ mutationFn: () => unwrap(api().walkIns.askRating({ visitId })) });
  const watched = useQuery({
    queryKey: ['walkIns', 'getVisit', visitId],
    queryFn: () => unwrap(api().walkIns.getVisit({ id: visitId })),
    enabled: ask.isSuccess,
    refetchInterval: 1000,
    refetchIntervalInBackground: true,
  });
  const ratedElsewhere = watched.data?.rating !== null && watched.data?.rating !== undefined;
  const finished = useRef(false);
  useEffect(() => {
    // Once only: the parent's onDone changes on every render.
    if (ratedElsewhere && !finished.current) {
      finished.current = true;
      onDone();
    }
  }, [ratedElsewhere, onDone]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'TEXTAREA') return;
    const digit = '١٢٣٤٥'.indexOf(e.key) >= 0 ? '١٢٣٤٥'.indexOf(e.key) + 1 : Number(e.key);
    if (digit >= 1 && digit <= 5) {
      e.preventDefault();
      rate.mutate(digit);
    }
  };

  return (
    <Stack gap="md" onKeyDown={onKeyDown} data-testid="rating-step">
      <Title order={2} size="h3">
        {t('reception.rating.title')}
      </Title>
      <Text size="sm">{t('reception.rating.intro')}</Text>
      <div role="group" aria-label={t('reception.rating.title')} className="rating-faces" ref={group}>
        {RATING_LEVELS.map((level, i) => (
          <button
            key={level}
            type="button"
            className="rating-face"
            onClick={() => rate.mutate(i + 1)}
            aria-label={`${i + 1} — ${t(`reception.rating.faces.${i + 1}`)}`}
            aria-keyshortcuts={String(i + 1)}
            data-testid={`rate-${i + 1}`}
          >
            <Face level={level} />
            <span className="rating-label">{t(`reception.rating.faces.${i + 1}`)}</span>
          </button>
        ))}
      </div>
      <Text size="xs" c="dimmed">
        {t('reception.rating.keys')}
      </Text>
      <Textarea label={t('reception.rating.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={refusal?.fields.comment} data-testid="rating-comment" />
      {refusal && (
        <Alert color="red" role="alert">
          {refusal.message}
        </Alert>
      )}
      <Group>
        <Button variant="light" onClick={() => ask.mutate()} loading={ask.isPending} disabled={ask.isSuccess} data-testid="ask-customer-rating">
          {t('reception.customer.ask')}
        </Button>
        {ask.isSuccess && (
          <Text size="sm" role="status">
            {t('reception.customer.asked')}
          </Text>
        )}
        <Button variant="subtle" onClick={onDone} data-testid="skip-rating">
          {t('reception.rating.skip')}
        </Button>
      </Group>
    </Stack>
  );
}
