/**
 * Verification at submission: each required document is marked "seen and verified" with its
 * number and expiry. The core refuses an expired document; identity documents are never copied
 * (PDPL Art. 28), only their details recorded. Enter in a row verifies it and moves on.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { ChecklistEntryView, RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';
import { dateTime } from './format';

export function ChecklistStep({ request, onChange, onContinue }: { request: RequestView; onChange: (r: RequestView) => void; onContinue: () => void }) {
  const { t } = useTranslation();
  const continueRef = useRef<HTMLButtonElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const firstOpen = request.checklist.findIndex((c) => !c.verified);
  const remaining = request.checklist.filter((c) => !c.verified).length;

  const justVerified = useRef(false);
  // After a verification, move to the first row still open, or to "continue" once all are verified.
  useEffect(() => {
    if (!justVerified.current) return;
    justVerified.current = false;
    const open = request.checklist.findIndex((c) => !c.verified);
    const target = open >= 0 ? rowsRef.current?.querySelector<HTMLElement>(`[data-row="${open}"] input:not(:disabled)`) : continueRef.current;
    target?.focus();
  }, [request]);

  return (
    <Stack gap="md" data-testid="checklist-step">
      <Title order={2} size="h3">
        {t('reception.steps.checklist')}
      </Title>
      <Text size="sm">{t('reception.checklist.title')}</Text>
      <Text size="xs" c="dimmed">
        {t('reception.checklist.rowHint')}
      </Text>
      <Stack gap="sm" ref={rowsRef}>
        {request.checklist.map((item, i) => (
          <ChecklistRow key={item.id} index={i} request={request} item={item} autoFocus={i === firstOpen} onVerified={(r) => ((justVerified.current = true), onChange(r))} onChange={onChange} />
        ))}
      </Stack>
      {request.checklistComplete ? (
        <Alert color="teal" role="status" data-testid="checklist-complete">
          {t('reception.checklist.complete')}
        </Alert>
      ) : (
        <Text size="sm" c="orange.9">
          {t('reception.checklist.incomplete', { count: remaining })}
        </Text>
      )}
      <Group>
        <Button ref={continueRef} onClick={onContinue} disabled={!request.checklistComplete} data-testid="to-declaration" autoFocus={request.checklistComplete}>
          {t('reception.checklist.continue')}
        </Button>
      </Group>
    </Stack>
  );
}

function ChecklistRow({
  index,
  request,
  item,
  autoFocus,
  onVerified,
  onChange,
}: {
  index: number;
  request: RequestView;
  item: ChecklistEntryView;
  autoFocus: boolean;
  onVerified: (r: RequestView) => void;
  onChange: (r: RequestView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [documentNumber, setDocumentNumber] = useState(item.documentNumber ?? '');
  const [expiryDate, setExpiryDate] = useState(item.expiryDate ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const verify = useMutation({
    mutationFn: (verified: boolean) => unwrap(api().requests.verifyItem({ requestId: request.id, itemId: item.id, verified, documentNumber, expiryDate, note })),
    onSuccess: (r, verified) => (verified ? onVerified(r) : onChange(r)),
  });
  const refusal = verify.error ? refusalOf(verify.error, language, t('reception.errors.generic')) : null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !item.verified) {
      e.preventDefault();
      verify.mutate(true);
    }
  };
  const label = language === 'ar' ? item.labelAr : item.labelEn;

  return (
    <Paper withBorder p="sm" data-row={index} data-testid={`checklist-row-${item.key}`} onKeyDown={onKeyDown} className={item.verified ? 'checklist-row verified' : 'checklist-row'}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          {item.verified ? (
            <Badge color="teal" data-testid="item-verified">
              {t('reception.checklist.verified')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t('reception.checklist.pending')}
            </Badge>
          )}
        </Group>
        {item.identity && (
          <Text size="xs" c="dimmed">
            {t('reception.checklist.identityNote')}
          </Text>
        )}
        <Group align="flex-start" grow>
          {item.needsNumber && (
            <TextInput
              autoFocus={autoFocus}
              label={`${t('reception.checklist.documentNumber')} — ${label}`}
              value={documentNumber}
              onChange={(e) => setDocumentNumber(e.currentTarget.value)}
              disabled={item.verified}
              error={refusal?.fields.documentNumber}
              data-testid={`doc-number-${item.key}`}
            />
          )}
          {item.needsExpiry && (
            <TextInput
              label={`${t('reception.checklist.expiryDate')} — ${label}`}
              placeholder="YYYY-MM-DD"
              value={expiryDate}
              onChange={(e) => setExpiryDate(e.currentTarget.value)}
              disabled={item.verified}
              error={refusal?.fields.expiryDate}
              data-testid={`doc-expiry-${item.key}`}
            />
          )}
          {!item.needsNumber && !item.needsExpiry && (
            <TextInput
              autoFocus={autoFocus}
              label={`${t('reception.checklist.note')} — ${label}`}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              disabled={item.verified}
              error={refusal?.fields.note}
              data-testid={`doc-note-${item.key}`}
            />
          )}
        </Group>
        {refusal && !refusal.fields.documentNumber && !refusal.fields.expiryDate && (
          <Alert color="red" role="alert">
            {refusal.message}
          </Alert>
        )}
        <Group>
          {item.verified ? (
            <>
              <Text size="xs" c="dimmed">
                {t('reception.checklist.verifiedBy', { name: item.verifiedBy ?? '', at: item.verifiedAt ? dateTime(item.verifiedAt, language) : '' })}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => verify.mutate(false)}>
                {t('reception.checklist.unverify')}
              </Button>
            </>
          ) : (
            <Button size="xs" onClick={() => verify.mutate(true)} loading={verify.isPending} data-testid={`verify-${item.key}`}>
              {t('reception.checklist.verify')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
