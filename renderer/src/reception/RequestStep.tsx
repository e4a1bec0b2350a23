/**
 * The support request (طلب دعم مستفيد): type, amount or items, justification. Refused input keeps
 * every character. Without recorded consent to the privacy notice in force (a guardian's for a
 * minor) the core refuses the request: the consent is recorded here, beside the form, so nothing
 * typed is lost.
 */
import { useState } from 'react';
import { Alert, Button, Group, Loader, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { RequestView, SupportType } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';
import { ConsentPanel } from '../privacy/ConsentPanel';

export function useSupportTypes() {
  return useQuery({ queryKey: ['requests', 'types'], queryFn: () => unwrap(api().requests.types({})) });
}

export function RequestStep({
  beneficiaryId,
  visitId,
  existing,
  onSaved,
}: {
  beneficiaryId: string;
  visitId: string | null;
  existing: RequestView | null;
  onSaved: (r: RequestView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const types = useSupportTypes();
  const consent = useQuery({ queryKey: ['consent-status', beneficiaryId], queryFn: () => unwrap(api().privacy.consentStatus({ beneficiaryId })) });
  const [consentRecorded, setConsentRecorded] = useState(false);
  const active = (types.data ?? []).filter((x) => x.active);
  const [supportType, setSupportType] = useState<string>(existing?.supportType ?? '');
  const [amount, setAmount] = useState(existing?.amount !== null && existing?.amount !== undefined ? String(existing.amount) : '');
  const [items, setItems] = useState(existing?.items ?? '');
  const [justification, setJustification] = useState(existing?.justification ?? '');

  const save = useMutation({
    mutationFn: () => {
      const data = { supportType: supportType as SupportType, amount, items, justification };
      return unwrap(
        existing ? api().requests.updateDraft({ id: existing.id, version: existing.version, data }) : api().requests.createDraft({ visitId, beneficiaryId, data }),
      );
    },
    onSuccess: onSaved,
    // Refused for want of consent (withdrawn meanwhile, say): ask again, so the panel shows.
    onError: () => void consent.refetch(),
  });
  const refusal = save.error ? refusalOf(save.error, language, t('reception.errors.generic')) : null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save.mutate();
    }
  };

  // The form appears with its support types loaded: the type box takes focus at once, and keys
  // pressed in it must move through the real list, not an empty one that fills in later.
  if (types.isPending || consent.isPending) return <Loader size="sm" aria-label={t('reception.request.title')} />;
  const missing = consent.data && !consent.data.current ? consent.data : null;
  return (
    <Stack gap="md" data-testid="request-step">
      <Title order={2} size="h3">
        {t('reception.request.title')}
      </Title>
      {missing && (
        <Stack gap="xs" data-testid="request-consent">
          <Alert color="yellow" title={t('reception.request.consentTitle')} data-testid="consent-needed">
            {t(missing.minor ? 'reception.request.guardianConsentNeeded' : 'reception.request.consentNeeded')}
          </Alert>
          <ConsentPanel beneficiaryId={beneficiaryId} guardianRequired={missing.minor} onRecorded={() => (setConsentRecorded(true), save.reset())} />
        </Stack>
      )}
      {!missing && consentRecorded && (
        <Alert color="teal" data-testid="consent-recorded">
          {t('reception.request.consentRecorded')}
        </Alert>
      )}
      <Stack gap="md" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())} onKeyDown={onKeyDown}>
        <NativeSelect
          autoFocus
          label={t('reception.request.type')}
          value={supportType}
          onChange={(e) => setSupportType(e.currentTarget.value)}
          data={[{ value: '', label: '—' }, ...active.map((x) => ({ value: x.key, label: language === 'ar' ? x.nameAr : x.nameEn }))]}
          error={refusal?.fields.supportType}
          data-testid="request-type"
        />
        <TextInput label={t('reception.request.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} inputMode="decimal" error={refusal?.fields.amount} data-testid="request-amount" />
        <TextInput label={t('reception.request.items')} value={items} onChange={(e) => setItems(e.currentTarget.value)} error={refusal?.fields.items} data-testid="request-items" />
        <Textarea
          label={t('reception.request.justification')}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          autosize
          minRows={2}
          error={refusal?.fields.justification}
          data-testid="request-justification"
        />
        {refusal && (
          <Alert color="red" role="alert" data-testid="form-error">
            {refusal.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-request" aria-keyshortcuts="Control+Enter">
            {t('reception.request.save')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
