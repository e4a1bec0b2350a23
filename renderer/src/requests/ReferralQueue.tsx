/** The social researcher's queue of referrals: read why, record the answer, close it. */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { ReferralView } from '../../../shared/walk-ins/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from '../reception/api-errors';
import { dateTime } from '../reception/format';

export function ReferralQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = useQuery({ queryKey: ['walkIns', 'referrals', status], queryFn: () => unwrap(api().walkIns.referrals({ status })) });
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setStatus(status === 'open' ? 'closed' : 'open')}>
          {status === 'open' ? t('requests.referrals.showClosed') : t('requests.referrals.showOpen')}
        </Button>
      </Group>
      {list.isSuccess && list.data.length === 0 && <Text c="dimmed">{t('requests.referrals.empty')}</Text>}
      {(list.data ?? []).map((r) => (
        <ReferralCard key={r.id} referral={r} />
      ))}
    </Stack>
  );
}

function ReferralCard({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const save = useMutation({
    mutationFn: () => unwrap(api().walkIns.answerReferral({ id: referral.id, answer })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['walkIns', 'referrals'] }),
  });
  const refusal = save.error ? refusalOf(save.error, language, t('requests.errors.generic')) : null;
  return (
    <Paper withBorder p="md" data-testid="referral-card">
      <Stack gap="xs" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
        <Text fw={700}>{referral.beneficiaryName}</Text>
        <Text size="sm">
          {t('requests.referrals.reason')}: {referral.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('requests.referrals.researcher')}: {referral.researcherName} — {t('requests.referrals.referredBy')}: {referral.referredBy} — {t('requests.referrals.at')}: {dateTime(referral.createdAt, language)}
        </Text>
        {referral.status === 'closed' ? (
          <Alert color="teal">
            {t('requests.referrals.answer')}: {referral.answer} — {referral.answeredBy}
          </Alert>
        ) : (
          <>
            <Textarea label={t('requests.referrals.answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={refusal?.fields.answer} data-testid="referral-answer" />
            {refusal && (
              <Alert color="red" role="alert" data-testid="form-error">
                {refusal.message}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="save-referral-answer">
                {t('requests.referrals.save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
