/** The research committee's queue: pending requests with the SLA clock; accept, reject or ask for more, with a reason. */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { DECISIONS, type RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from '../reception/api-errors';
import { RequestList } from './RequestList';
import { RequestDetail, useRequest } from './RequestDetail';

export function CommitteeQueue() {
  const [openId, setOpenId] = useState<string | null>(null);
  if (openId) return <CommitteeDetail id={openId} onBack={() => setOpenId(null)} />;
  return <RequestList statuses={['submitted']} onOpen={setOpenId} testId="committee-list" />;
}

function CommitteeDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const request = useRequest(id);
  if (!request.data) return null;
  return (
    <RequestDetail request={request.data} onBack={onBack}>
      {request.data.status === 'submitted' && <DecideForm request={request.data} />}
    </RequestDetail>
  );
}

function DecideForm({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: () => unwrap(api().requests.decide({ id: request.id, decision: decision as 'accept', reason })),
    onSuccess: (r) => {
      queryClient.setQueryData(['requests', 'get', r.id], r);
      void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
  const refusal = decide.error ? refusalOf(decide.error, language, t('requests.errors.generic')) : null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), decide.mutate())}>
        <Title order={3} size="h4">
          {t('requests.decide.title')}
        </Title>
        <NativeSelect
          autoFocus
          label={t('requests.decide.decision')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          data={[{ value: '', label: t('requests.decide.choose') }, ...DECISIONS.map((d) => ({ value: d, label: t(`requests.decide.choices.${d}`) }))]}
          error={refusal?.fields.decision}
          data-testid="decision"
        />
        <Textarea label={t('requests.decide.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={refusal?.fields.reason} data-testid="decision-reason" />
        {refusal && (
          <Alert color="red" role="alert" data-testid="form-error">
            {refusal.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={decide.isPending} data-testid="save-decision">
            {t('requests.decide.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
