/** After acceptance: record the service delivered (what, amount or quantity, date, who) and show its receipt. */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { DeliveryView, RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from '../reception/api-errors';
import { bothCalendars } from '../reception/format';
import { RequestList } from './RequestList';
import { RequestDetail, useRequest } from './RequestDetail';
import { PrintButton } from '../reception/PrintButton';

export function DeliveryQueue() {
  const [openId, setOpenId] = useState<string | null>(null);
  if (openId) return <DeliveryDetail id={openId} onBack={() => setOpenId(null)} />;
  return <RequestList statuses={['accepted', 'delivered']} onOpen={setOpenId} testId="delivery-list" />;
}

function DeliveryDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const request = useRequest(id);
  const close = useMutation({
    mutationFn: () => unwrap(api().requests.close({ id })),
    onSuccess: (r) => {
      queryClient.setQueryData(['requests', 'get', r.id], r);
      void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
  });
  if (!request.data) return null;
  const r = request.data;
  return (
    <RequestDetail request={r} onBack={onBack}>
      {r.status === 'accepted' && <DeliverForm request={r} />}
      {r.deliveries.map((d) => (
        <DeliveryReceipt key={d.id} request={r} delivery={d} />
      ))}
      {r.status === 'delivered' && (
        <Group>
          <Button variant="default" onClick={() => close.mutate()} loading={close.isPending} data-testid="close-request">
            {t('requests.deliver.close')}
          </Button>
        </Group>
      )}
      {close.error && (
        <Alert color="red" role="alert">
          {refusalOf(close.error, language, t('requests.errors.generic')).message}
        </Alert>
      )}
    </RequestDetail>
  );
}

function DeliverForm({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [description, setDescription] = useState(request.items ?? t(`requests.types.${request.supportType}`));
  const [amount, setAmount] = useState('');
  const [quantity, setQuantity] = useState('');
  const [deliveredOn, setDeliveredOn] = useState(new Date().toISOString().slice(0, 10));
  const deliver = useMutation({
    mutationFn: () => unwrap(api().requests.deliver({ id: request.id, description, amount, quantity, deliveredOn })),
    onSuccess: (r) => {
      queryClient.setQueryData(['requests', 'get', r.id], r);
      void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
  const refusal = deliver.error ? refusalOf(deliver.error, language, t('requests.errors.generic')) : null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), deliver.mutate())}>
        <Title order={3} size="h4">
          {t('requests.deliver.title')}
        </Title>
        <TextInput autoFocus label={t('requests.deliver.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={refusal?.fields.description} data-testid="delivery-description" />
        <Group grow>
          <TextInput label={t('requests.deliver.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={refusal?.fields.amount} inputMode="decimal" data-testid="delivery-amount" />
          <TextInput label={t('requests.deliver.quantity')} value={quantity} onChange={(e) => setQuantity(e.currentTarget.value)} error={refusal?.fields.quantity} inputMode="numeric" data-testid="delivery-quantity" />
          <TextInput label={t('requests.deliver.deliveredOn')} value={deliveredOn} onChange={(e) => setDeliveredOn(e.currentTarget.value)} error={refusal?.fields.deliveredOn} data-testid="delivery-date" />
        </Group>
        {refusal && (
          <Alert color="red" role="alert" data-testid="form-error">
            {refusal.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={deliver.isPending} data-testid="save-delivery">
            {t('requests.deliver.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function DeliveryReceipt({ request, delivery }: { request: RequestView; delivery: DeliveryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const on = bothCalendars(`${delivery.deliveredOn}T09:00:00Z`, language);
  return (
    <Paper withBorder p="lg" className="receipt" data-testid="delivery-receipt">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('requests.deliver.receipt')}
        </Title>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('requests.deliver.receiptRef')}</Table.Th>
              <Table.Td className="ltr-value receipt-reference">{delivery.reference}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('requests.list.reference')}</Table.Th>
              <Table.Td className="ltr-value">{request.reference}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('requests.list.beneficiary')}</Table.Th>
              <Table.Td>{request.beneficiaryName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('requests.deliver.description')}</Table.Th>
              <Table.Td>
                {delivery.description}
                {delivery.amount !== null ? ` — ${t('requests.detail.amount', { amount: delivery.amount })}` : ''}
                {delivery.quantity !== null ? ` — ${t('requests.deliver.quantity')}: ${delivery.quantity}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('requests.deliver.deliveredOn')}</Table.Th>
              <Table.Td>
                {on.gregorian} — {on.hijri}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('requests.deliver.by')}</Table.Th>
              <Table.Td>{delivery.by}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text>{t('requests.deliver.signHere')}</Text>
        <PrintButton kind="delivery-receipt" recordId={delivery.id} label={t('requests.deliver.print')} />
      </Stack>
    </Paper>
  );
}
