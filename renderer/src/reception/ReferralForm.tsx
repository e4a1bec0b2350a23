/** Refer the visitor to the social-research officer when the procedure is unclear (who, why). */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';

export function ReferralForm({ visitId, requestId, onClose }: { visitId: string; requestId?: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const researchers = useQuery({ queryKey: ['walkIns', 'researchers'], queryFn: () => unwrap(api().walkIns.researchers({})) });
  const [researcherId, setResearcherId] = useState('');
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => unwrap(api().walkIns.refer({ visitId, researcherId, reason, requestId: requestId ?? null })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['walkIns', 'referrals'] }),
  });
  const refusal = send.error ? refusalOf(send.error, language, t('reception.errors.generic')) : null;

  if (send.data) {
    return (
      <Alert color="teal" role="status" data-testid="referral-sent">
        {t('reception.referral.sent', { name: send.data.researcherName })}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), send.mutate())}>
        <Title order={3} size="h4">
          {t('reception.referral.title')}
        </Title>
        {researchers.data?.length === 0 && <Alert color="orange">{t('reception.referral.noResearchers')}</Alert>}
        <NativeSelect
          autoFocus
          label={t('reception.referral.researcher')}
          value={researcherId}
          onChange={(e) => setResearcherId(e.currentTarget.value)}
          data={[{ value: '', label: t('reception.referral.choose') }, ...(researchers.data ?? []).map((r) => ({ value: r.id, label: r.displayName }))]}
          error={refusal?.fields.researcherId}
          data-testid="referral-researcher"
        />
        <Textarea label={t('reception.referral.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={refusal?.fields.reason} data-testid="referral-reason" />
        {refusal && (
          <Alert color="red" role="alert" data-testid="referral-error">
            {refusal.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={send.isPending} data-testid="send-referral">
            {t('reception.referral.send')}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t('reception.referral.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
