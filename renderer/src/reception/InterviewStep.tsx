/**
 * The interview record: purpose, the questions asked and the answers given, notes. Saved before
 * any next step, so nothing typed is lost when a later step is refused.
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { VISIT_PURPOSES, type VisitPurpose, type VisitView } from '../../../shared/walk-ins/schemas';
import type { RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';
import { ReferralForm } from './ReferralForm';

type Next = 'request' | 'end' | 'resume';

export function InterviewStep({
  visit,
  onSaved,
  onRequest,
  onResume,
  onEnd,
}: {
  visit: VisitView;
  onSaved: (v: VisitView) => void;
  onRequest: () => void;
  onResume: (r: RequestView) => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState<VisitPurpose>(visit.purpose);
  const [qa, setQa] = useState(visit.qa.length > 0 ? visit.qa.map((p) => ({ question: p.question, answer: p.answer ?? '' })) : [{ question: '', answer: '' }]);
  const [notes, setNotes] = useState(visit.notes ?? '');
  const [referring, setReferring] = useState(false);
  const [resuming, setResuming] = useState<RequestView | null>(null);
  // Requests still open at the counter: a draft, or one the committee sent back for more information.
  const open = useQuery({
    queryKey: ['requests', 'forBeneficiary', visit.beneficiaryId],
    queryFn: () => unwrap(api().requests.forBeneficiary({ beneficiaryId: visit.beneficiaryId })),
    select: (all) => all.filter((r) => r.status === 'draft' || r.status === 'more_info_needed'),
  });

  const save = useMutation({
    mutationFn: async (next: Next) => {
      const data = { purpose, qa: qa.filter((p) => p.question.trim() !== '' || p.answer.trim() !== ''), notes };
      const saved = await unwrap(api().walkIns.saveVisit({ id: visit.id, version: visit.version, data }));
      return { saved, next };
    },
    onSuccess: ({ saved, next }) => {
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      onSaved(saved);
      if (next === 'request') onRequest();
      if (next === 'end') onEnd();
      if (next === 'resume' && resuming) onResume(resuming);
    },
  });
  const refusal = save.error ? refusalOf(save.error, language, t('reception.errors.generic')) : null;
  const fieldError = (path: string) => refusal?.fields[path];

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save.mutate(purpose === 'new_request' ? 'request' : 'end');
    }
  };

  return (
    <Stack gap="md" onKeyDown={onKeyDown} data-testid="interview-step">
      <Title order={2} size="h3">
        {t('reception.interview.title')}
      </Title>
      <Text>
        {t('reception.interview.beneficiary')}: <b>{visit.beneficiaryName}</b> (<span className="ltr-value">{visit.beneficiaryReference}</span>)
      </Text>
      <NativeSelect
        autoFocus
        label={t('reception.interview.purpose')}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value as VisitPurpose)}
        data={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`reception.interview.purposes.${p}`) }))}
        error={fieldError('purpose')}
        data-testid="visit-purpose"
      />
      {(open.data ?? []).map((r) => (
        <Alert key={r.id} color="orange" data-testid="open-request" title={t('reception.interview.openRequest', { reference: r.reference ?? t('reception.interview.draft'), status: t(`requests.statuses.${r.status}`) })}>
          <Stack gap={4}>
            {r.decisions.at(-1) && <Text size="sm">{t('reception.interview.committeeSaid', { reason: r.decisions.at(-1)!.reason })}</Text>}
            <Group>
              <Button size="xs" onClick={() => (setResuming(r), save.mutate('resume'))} data-testid="resume-request">
                {t('reception.interview.resume')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      {qa.map((pair, i) => (
        <Paper key={i} withBorder p="sm">
          <Stack gap="xs">
            <Textarea
              label={`${t('reception.interview.question')} ${i + 1}`}
              value={pair.question}
              autosize
              minRows={1}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setQa((all) => all.map((p, j) => (j === i ? { ...p, question: v } : p)));
              }}
              error={fieldError(`qa.${i}.question`)}
              data-testid={`qa-question-${i}`}
            />
            <Textarea
              label={`${t('reception.interview.answer')} ${i + 1}`}
              value={pair.answer}
              autosize
              minRows={1}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setQa((all) => all.map((p, j) => (j === i ? { ...p, answer: v } : p)));
              }}
              error={fieldError(`qa.${i}.answer`)}
              data-testid={`qa-answer-${i}`}
            />
            {qa.length > 1 && (
              <Group>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setQa((all) => all.filter((_, j) => j !== i))}>
                  {t('reception.interview.removeQuestion')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => setQa((all) => [...all, { question: '', answer: '' }])} data-testid="add-question">
          {t('reception.interview.addQuestion')}
        </Button>
      </Group>
      <Textarea label={t('reception.interview.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} error={fieldError('notes')} />
      {refusal && (
        <Alert color="red" role="alert" data-testid="form-error">
          {refusal.message}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate('request')} loading={save.isPending && save.variables === 'request'} data-testid="to-request" aria-keyshortcuts="Control+Enter">
          {t('reception.interview.toRequest')}
        </Button>
        <Button variant="default" onClick={() => setReferring((r) => !r)} data-testid="open-referral">
          {t('reception.interview.refer')}
        </Button>
        <Button variant="default" onClick={() => save.mutate('end')} data-testid="end-visit">
          {t('reception.interview.end')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('reception.interview.hint')}
        </Text>
      </Group>
      {referring && <ReferralForm visitId={visit.id} onClose={() => setReferring(false)} />}
    </Stack>
  );
}
