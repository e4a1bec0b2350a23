/**
 * The queue at the counter: a ticket per service on arrival (Alt+1…), "call next" (F4), the
 * waiting list with no-shows, and today's waiting and service times.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { QueueService, TicketView } from '../../../shared/walk-ins/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';
import { timeOfDay } from './format';
import { PrintButton } from './PrintButton';

export function useQueueServices() {
  return useQuery({ queryKey: ['walkIns', 'services'], queryFn: () => unwrap(api().walkIns.services({})) });
}

export function TicketCard({ ticket, service }: { ticket: TicketView; service?: QueueService }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" className="ticket-card" data-testid="ticket-card" role="status" aria-live="polite">
      <Text size="sm" c="dimmed">
        {t('reception.queue.ticketIssued')}
      </Text>
      <Text className="ticket-number ltr-value" data-testid="ticket-label">
        {ticket.label}
      </Text>
      {service && <Text fw={600}>{language === 'ar' ? service.nameAr : service.nameEn}</Text>}
      <Text size="sm">{t('reception.queue.ahead', { count: ticket.waitingAhead })}</Text>
      <Text size="sm" c="dimmed">
        {t('reception.queue.arrived')}: <span className="ltr-value">{timeOfDay(ticket.arrivedAt, language)}</span>
      </Text>
      <Group justify="center" mt="xs">
        <PrintButton kind="queue-ticket" recordId={ticket.id} label={t('reception.queue.print')} />
      </Group>
    </Paper>
  );
}

export function QueuePanel({
  issued,
  onIssued,
  onCalled,
  onOpen,
  activeTicketId,
}: {
  issued: TicketView | null;
  onIssued: (t: TicketView) => void;
  onCalled: (t: TicketView) => void;
  onOpen: (t: TicketView) => void;
  activeTicketId: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const services = useQueueServices();
  const queue = useQuery({ queryKey: ['walkIns', 'queue'], queryFn: () => unwrap(api().walkIns.queue({})) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['walkIns', 'queue'] });

  const noShow = useMutation({
    mutationFn: (ticketId: string) => unwrap(api().walkIns.noShow({ ticketId })),
    onSuccess: refresh,
  });
  const error = noShow.error ? refusalOf(noShow.error, language, t('reception.errors.generic')).message : null;
  const serviceOf = (key: string) => services.data?.find((s) => s.key === key);
  const visible = (queue.data?.tickets ?? []).filter((x) => x.status === 'waiting' || x.status === 'called' || x.status === 'serving');

  return (
    <Stack gap="sm" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h4" id="queue-title">
        {t('reception.queue.title')}
      </Title>
      <Group gap="xs">
        {(services.data ?? []).map((s, i) => (
          <TakeTicketButton key={s.key} service={s} index={i} onIssued={onIssued} />
        ))}
      </Group>
      <CallNextButton onCalled={onCalled} />
      <Text size="xs" c="dimmed">
        {t('reception.queue.shortcuts')}
      </Text>
      {issued && <TicketCard ticket={issued} service={serviceOf(issued.serviceKey)} />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group gap="md" className="queue-stats">
        <Text size="sm">
          {t('reception.queue.waiting')}: <b>{queue.data?.waiting ?? 0}</b>
        </Text>
        <Text size="sm">
          {t('reception.queue.served')}: <b>{queue.data?.served ?? 0}</b>
        </Text>
        <Text size="sm">
          {t('reception.queue.noShows')}: <b>{queue.data?.noShows ?? 0}</b>
        </Text>
        <Text size="sm">
          {t('reception.queue.medianWait')}: <b>{queue.data?.medianWaitMinutes ?? '—'}</b>
        </Text>
        <Text size="sm">
          {t('reception.queue.medianService')}: <b>{queue.data?.medianServiceMinutes ?? '—'}</b>
        </Text>
      </Group>
      {visible.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reception.queue.empty')}
        </Text>
      ) : (
        <ul className="queue-list" aria-label={t('reception.queue.title')}>
          {visible.map((ticket) => (
            <li key={ticket.id} className="queue-row" data-testid="queue-row" data-active={ticket.id === activeTicketId}>
              <Text fw={700} className="ltr-value">
                {ticket.label}
              </Text>
              <Badge variant="light" color={ticket.status === 'waiting' ? 'gray' : 'teal'}>
                {t(`reception.queue.status.${ticket.status}`)}
              </Badge>
              <Text size="sm" className="ltr-value">
                {timeOfDay(ticket.arrivedAt, language)}
              </Text>
              <Group gap={4}>
                {ticket.status !== 'serving' && ticket.id !== activeTicketId && (
                  <Button size="compact-xs" variant="light" onClick={() => onOpen(ticket)}>
                    {t('reception.queue.open')}
                  </Button>
                )}
                {ticket.status !== 'serving' && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => noShow.mutate(ticket.id)} data-testid={`no-show-${ticket.label}`}>
                    {t('reception.queue.noShow')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

function TakeTicketButton({ service, index, onIssued }: { service: QueueService; index: number; onIssued: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const take = useMutation({
    mutationFn: () => unwrap(api().walkIns.takeTicket({ serviceKey: service.key })),
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: ['walkIns', 'queue'] });
      onIssued(ticket);
    },
  });
  return (
    <Button
      variant="default"
      onClick={() => take.mutate()}
      loading={take.isPending}
      aria-keyshortcuts={`Alt+${index + 1}`}
      data-testid={`take-ticket-${service.key}`}
      data-shortcut={`take-${index + 1}`}
    >
      {t('reception.queue.takeFor', { name: language === 'ar' ? service.nameAr : service.nameEn })} ({service.prefix})
    </Button>
  );
}

function CallNextButton({ onCalled }: { onCalled: (t: TicketView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const call = useMutation({
    mutationFn: () => unwrap(api().walkIns.callNext({})),
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: ['walkIns', 'queue'] });
      onCalled(ticket);
    },
  });
  return (
    <Stack gap={4}>
      <Button onClick={() => call.mutate()} loading={call.isPending} aria-keyshortcuts="F4" data-testid="call-next" data-shortcut="call-next">
        {t('reception.queue.callNext')} (F4)
      </Button>
      {call.error && (
        <Alert color="orange" role="alert" data-testid="call-next-error">
          {refusalOf(call.error, language, t('reception.errors.generic')).message}
        </Alert>
      )}
    </Stack>
  );
}
