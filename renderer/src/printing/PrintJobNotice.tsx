/**
 * The outcome of a print job with its Arabic/English message and a Retry button. For any screen
 * that prints (reception receipts, letters): `<PrintJobNotice job={job} />`.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../../shared/printing/schemas';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';

export function PrintJobNotice({ job, onChange }: { job: PrintJobView; onChange?: (job: PrintJobView) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => unwrap(api().printing.retry({ jobId: job.id })),
    onSuccess: async (next) => {
      onChange?.(next);
      await queryClient.invalidateQueries({ queryKey: ['printing'] });
      await queryClient.invalidateQueries({ queryKey: ['app-info'] });
    },
  });
  const failed = job.status === 'failed';
  return (
    <Alert color={failed ? 'red' : job.status === 'printed' ? 'teal' : 'blue'} role="status" data-testid={`print-job-${job.status}`}>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {t(`printing.kinds.${job.kind}`)}
          {job.copyOf ? ` (${t('printing.copy')})` : ''} — {t(`printing.status.${job.status}`)}
          {job.printerName ? ` — ${job.printerName}` : ''}
        </Text>
        {job.retryable && (
          <Button data-testid="print-retry" size="xs" onClick={() => retry.mutate()} loading={retry.isPending}>
            {t('printing.retry')}
          </Button>
        )}
      </Group>
      {failed && job.error && <Text size="sm">{job.error.message[language]}</Text>}
    </Alert>
  );
}
