/**
 * One-tap satisfaction at the end of a visit: five faces (or the digits 1–5), an optional comment.
 * The policy: rating the service is the beneficiary's right, a tool to improve, not to punish.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';

export const FACES = ['😞', '🙁', '😐', '🙂', '😄'] as const;

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
        {FACES.map((face, i) => (
          <button
            key={face}
            type="button"
            className="rating-face"
            onClick={() => rate.mutate(i + 1)}
            aria-label={`${i + 1} — ${t(`reception.rating.faces.${i + 1}`)}`}
            aria-keyshortcuts={String(i + 1)}
            data-testid={`rate-${i + 1}`}
          >
            <span aria-hidden="true" className="rating-emoji">
              {face}
            </span>
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
        <Button variant="subtle" onClick={onDone} data-testid="skip-rating">
          {t('reception.rating.skip')}
        </Button>
      </Group>
    </Stack>
  );
}
