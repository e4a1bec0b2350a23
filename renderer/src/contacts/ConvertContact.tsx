/**
 * Turns a contact into an interview (walk-ins) or a support request (requests) without retyping:
 * the contact's prefill (beneficiary, summary) fills the new record, and the contact records
 * what it became.
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { ContactView } from '../../../shared/contacts/schemas';
import { SUPPORT_TYPES } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';

export function ConvertContact({ contact, onDone }: { contact: ContactView; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const prefill = useQuery({ queryKey: ['contacts', 'prefill', contact.id], queryFn: () => unwrap(api().contacts.prefill({ id: contact.id })) });
  const [supportType, setSupportType] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? (e.payload.fields?.[0]?.message ?? e.payload.message)[language] : String(e));
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['contacts'] });
    await queryClient.invalidateQueries({ queryKey: ['timeline'] });
    onDone();
  };

  const toInterview = useMutation({
    mutationFn: async () => {
      const p = prefill.data!;
      const visit = await unwrap(api().walkIns.openVisit({ beneficiaryId: p.beneficiaryId!, purpose: contact.channel === 'help_service' ? 'new_request' : 'inquiry' }));
      return unwrap(api().contacts.markConverted({ id: contact.id, kind: 'interview', targetId: visit.id }));
    },
    onSuccess: done,
    onError: fail,
  });
  const toRequest = useMutation({
    mutationFn: async () => {
      const p = prefill.data!;
      const request = await unwrap(
        api().requests.createDraft({
          beneficiaryId: p.beneficiaryId!,
          data: { supportType: supportType as (typeof SUPPORT_TYPES)[number], amount, items: amount ? null : p.summary.slice(0, 500), justification: `${p.summary}\n(${p.contactReference})` },
        }),
      );
      return unwrap(api().contacts.markConverted({ id: contact.id, kind: 'request', targetId: request.id }));
    },
    onSuccess: done,
    onError: fail,
  });

  const p = prefill.data;
  if (!p) return null;
  if (!p.beneficiaryId) return <Text c="dimmed">{t('contacts.needsBeneficiary')}</Text>;
  return (
    <Paper withBorder p="sm" data-testid="convert-contact">
      <Stack gap="xs">
        <Text fw={600}>{t('contacts.prefillTitle')}</Text>
        <Text size="sm">
          {p.personName} — {p.summary}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group align="end">
          <Button size="xs" onClick={() => toInterview.mutate()} loading={toInterview.isPending} data-testid="to-interview">
            {t('contacts.toInterview')}
          </Button>
          <NativeSelect
            size="xs"
            label={t('contacts.supportType')}
            data-testid="convert-support-type"
            data={[{ value: '', label: '—' }, ...SUPPORT_TYPES.map((s) => ({ value: s, label: t(`requests.types.${s}`, { defaultValue: s }) }))]}
            value={supportType}
            onChange={(e) => setSupportType(e.currentTarget.value)}
          />
          <TextInput size="xs" dir="ltr" label={t('contacts.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
          <Button size="xs" variant="light" disabled={!supportType} onClick={() => toRequest.mutate()} loading={toRequest.isPending} data-testid="to-request">
            {t('contacts.toRequest')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
