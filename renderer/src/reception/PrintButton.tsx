/**
 * Prints one of the counter's documents by record id through the printing domain. What happened
 * (sent, queued, or why not, e.g. no printer set up yet) is said next to the button; the document
 * stays on screen either way.
 */
import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { DocumentKind } from '../../../shared/printing/document-kinds';
import { useLanguage } from '../app/use-language';
import { refusalOf } from './api-errors';

export function PrintButton({ kind, recordId, label }: { kind: DocumentKind; recordId: string; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const print = useMutation({ mutationFn: () => unwrap(api().printing.print({ kind, recordId })) });
  const outcome = print.error
    ? refusalOf(print.error, language, t('reception.errors.generic')).message
    : print.data
      ? (print.data.error?.message[language] ?? t(`reception.print.${print.data.status === 'printed' ? 'printed' : 'queued'}`))
      : null;
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" onClick={() => print.mutate()} loading={print.isPending} data-testid={`print-${kind}`}>
        {label}
      </Button>
      {outcome && (
        <Text size="sm" role="status" c={print.error || print.data?.error ? 'red.9' : 'teal.9'} data-testid={`print-outcome-${kind}`}>
          {outcome}
        </Text>
      )}
    </Group>
  );
}
