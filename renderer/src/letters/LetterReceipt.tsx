/**
 * The receipt for a delivered incoming letter: shown on screen, and printed (thermal or PDF, on
 * the counter's default printer) through the printing domain's `letter-receipt` document.
 */
import { displayReference } from '../../../shared/letters/reference-pattern';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { PrintButton } from '../reception/PrintButton';

export function LetterReceipt({ letterId }: { letterId: string }) {
  const { t } = useTranslation();
  const receipt = useQuery({ queryKey: ['letters', 'receipt', letterId], queryFn: () => unwrap(api().letters.receipt({ id: letterId })) });
  const r = receipt.data;
  if (!r) return null;
  const line = (label: string, value: string, ltr = false) => (
    <Group gap="xs">
      <Text fw={600}>{label}:</Text>
      <Text className={ltr ? 'ltr-value' : undefined}>{value}</Text>
    </Group>
  );
  return (
    <Paper withBorder p="md" className="letter-receipt" data-testid="letter-receipt">
      <Stack gap={4}>
        <Text size="sm">{r.organisation}</Text>
        <Title order={3}>{t('letters.receiptTitle')}</Title>
        {line(t('letters.fields.reference'), displayReference(r.reference), true)}
        {line(t('letters.fields.subject'), r.subject)}
        {line(t('letters.fields.entityIncoming'), r.entity)}
        {line(t('letters.fields.letterDate'), r.letterDate, true)}
        {line(t('letters.receiptReceivedAt'), `${r.receivedGregorian} — ${r.receivedHijri}`)}
        {line(t('letters.receiptReceivedBy'), r.receivedBy)}
        {line(t('letters.receiptCounter'), r.counterName)}
        <PrintButton kind="letter-receipt" recordId={r.letterId} label={t('letters.receiptPrint')} />
      </Stack>
    </Paper>
  );
}
