/**
 * The walk-in counter in one keyboard-first flow: queue → beneficiary (search before create) →
 * interview → support request → document check → signed declaration → submission receipt →
 * satisfaction. Each step is saved by the core with who and when before the next one opens.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { TicketView, VisitView } from '../../../shared/walk-ins/schemas';
import type { RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { LookupPanel } from '../beneficiaries/LookupPanel';
import { BeneficiaryForm } from '../beneficiaries/BeneficiaryForm';
import { QueuePanel } from './QueuePanel';
import { InterviewStep } from './InterviewStep';
import { RequestStep } from './RequestStep';
import { ChecklistStep } from './ChecklistStep';
import { DeclarationStep } from './DeclarationStep';
import { ReceiptStep } from './ReceiptStep';
import { RatingStep } from './RatingStep';
import { refusalOf } from './api-errors';
import { CounterStrip } from '../reports/CounterStrip';

type Step = 'idle' | 'find' | 'create' | 'interview' | 'request' | 'checklist' | 'declaration' | 'receipt' | 'rating' | 'done';
const SHOWN_STEPS = ['find', 'interview', 'request', 'checklist', 'declaration', 'receipt', 'rating'] as const;

function StepList({ step }: { step: Step }) {
  const { t } = useTranslation();
  const current = step === 'create' ? 'find' : step;
  return (
    <ol className="visit-steps" aria-label={t('reception.steps.label')}>
      {SHOWN_STEPS.map((s) => (
        <li key={s} aria-current={s === current ? 'step' : undefined} className={s === current ? 'visit-step current' : 'visit-step'}>
          {t(`reception.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}

/** Alt+1… takes a ticket, F4 calls the next one, wherever the focus is on this screen. */
function useCounterShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      let target: string | null = null;
      if (e.key === 'F4') target = 'call-next';
      else if (e.altKey && /^Digit[1-9]$/.test(e.code)) target = `take-${e.code.slice(5)}`;
      if (!target) return;
      const button = document.querySelector<HTMLButtonElement>(`[data-shortcut="${target}"]`);
      if (button) {
        e.preventDefault();
        button.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function ReceptionScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<TicketView | null>(null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [request, setRequest] = useState<RequestView | null>(null);
  const [step, setStep] = useState<Step>('idle');
  useCounterShortcuts();

  const refreshQueue = () => void queryClient.invalidateQueries({ queryKey: ['walkIns', 'queue'] });
  const begin = (t: TicketView | null) => {
    setTicket(t);
    setVisit(null);
    setRequest(null);
    setStep('find');
  };
  const open = useMutation({
    mutationFn: (beneficiaryId: string) => unwrap(api().walkIns.openVisit({ ticketId: ticket?.id ?? null, beneficiaryId })),
    onSuccess: (v) => {
      setVisit(v);
      setStep('interview');
      refreshQueue();
    },
  });
  const end = useMutation({
    mutationFn: (id: string) => unwrap(api().walkIns.endVisit({ id })),
    onSuccess: () => {
      setStep('done');
      refreshQueue();
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
  const openError = open.error ? refusalOf(open.error, language, t('reception.errors.generic')).message : null;

  return (
    <div className="reception-layout">
      <Stack gap="md" className="reception-flow">
        <Group justify="space-between">
          <Title order={1}>{t('reception.title')}</Title>
          {ticket && (
            <Text fw={700} className="ltr-value" data-testid="active-ticket">
              {ticket.label}
            </Text>
          )}
        </Group>
        {step !== 'idle' && step !== 'done' && <StepList step={step} />}
        {openError && (
          <Alert color="red" role="alert">
            {openError}
          </Alert>
        )}
        {step === 'idle' && <CounterStrip />}
        {step === 'idle' && (
          <Group>
            <Button variant="default" onClick={() => begin(null)} data-testid="walk-in-without-ticket">
              {t('reception.done.newWalkIn')}
            </Button>
          </Group>
        )}
        {step === 'find' && (
          <Stack gap="xs">
            <Text fw={600}>{ticket ? t('reception.find.forTicket', { label: ticket.label }) : t('reception.find.walkInWithoutTicket')}</Text>
            <Text size="sm" c="dimmed">
              {t('reception.find.title')}
            </Text>
            <LookupPanel onOpen={(id) => open.mutate(id)} onCreate={() => setStep('create')} />
          </Stack>
        )}
        {step === 'create' && <BeneficiaryForm onSaved={(b) => open.mutate(b.id)} onCancel={() => setStep('find')} onOpen={(id) => open.mutate(id)} />}
        {step === 'interview' && visit && (
          <InterviewStep
            visit={visit}
            onSaved={setVisit}
            onRequest={() => setStep(request && request.status !== 'draft' ? 'receipt' : 'request')}
            onResume={(r) => {
              setRequest(r);
              setStep('request');
            }}
            onEnd={() => setStep('rating')}
          />
        )}
        {step === 'request' && visit && (
          <RequestStep
            beneficiaryId={visit.beneficiaryId}
            visitId={visit.id}
            existing={request}
            onSaved={(r) => {
              setRequest(r);
              setStep('checklist');
            }}
          />
        )}
        {step === 'checklist' && request && <ChecklistStep request={request} onChange={setRequest} onContinue={() => setStep('declaration')} />}
        {step === 'declaration' && request && (
          <DeclarationStep
            request={request}
            onChange={setRequest}
            onSubmitted={(r) => {
              setRequest(r);
              setStep('receipt');
              void queryClient.invalidateQueries({ queryKey: ['requests'] });
            }}
          />
        )}
        {step === 'receipt' && request && <ReceiptStep request={request} onFinish={() => setStep('rating')} />}
        {step === 'rating' && visit && <RatingStep visitId={visit.id} onDone={() => end.mutate(visit.id)} />}
        {step === 'done' && (
          <Stack gap="sm">
            <Alert color="teal" role="status" data-testid="visit-done">
              {t('reception.done.title')}
            </Alert>
            <Group>
              <Button variant="default" onClick={() => begin(null)} data-testid="walk-in-without-ticket">
                {t('reception.done.newWalkIn')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      <aside className="reception-queue" aria-label={t('reception.queue.title')}>
        <QueuePanel
          issued={issued}
          onIssued={setIssued}
          onCalled={(t) => begin(t)}
          onOpen={(t) => begin(t)}
          activeTicketId={step !== 'idle' && step !== 'done' ? (ticket?.id ?? null) : null}
        />
      </aside>
    </div>
  );
}
