/** A table of submitted requests with the SLA clock (days since submission); Enter or click opens one. */
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { RequestStatus } from '../../../shared/requests/status';
import { MIN_DECISION_DAYS } from '../../../shared/requests/status';
import { useLanguage } from '../app/use-language';
import { bothCalendars } from '../reception/format';

export function RequestList({ statuses, onOpen, testId }: { statuses: RequestStatus[]; onOpen: (id: string) => void; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({ queryKey: ['requests', 'list', statuses], queryFn: () => unwrap(api().requests.list({ statuses })) });
  const rows = list.data ?? [];
  if (list.isSuccess && rows.length === 0) return <Text c="dimmed">{t('requests.list.empty')}</Text>;
  return (
    <Table striped highlightOnHover withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('requests.list.reference')}</Table.Th>
          <Table.Th>{t('requests.list.beneficiary')}</Table.Th>
          <Table.Th>{t('requests.list.type')}</Table.Th>
          <Table.Th>{t('requests.list.asked')}</Table.Th>
          <Table.Th>{t('requests.list.submitted')}</Table.Th>
          <Table.Th>{t('requests.list.sla')}</Table.Th>
          <Table.Th>{t('requests.list.status')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('requests.list.open')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id} data-testid="request-row">
            <Table.Td className="ltr-value">{r.reference}</Table.Td>
            <Table.Td>{r.beneficiaryName}</Table.Td>
            <Table.Td>{t(`requests.types.${r.supportType}`)}</Table.Td>
            <Table.Td>{[r.amount !== null ? t('requests.detail.amount', { amount: r.amount }) : null, r.items].filter(Boolean).join(' — ')}</Table.Td>
            <Table.Td>{bothCalendars(r.submittedAt, language).gregorian}</Table.Td>
            <Table.Td className={r.status === 'submitted' && r.daysSinceSubmission >= MIN_DECISION_DAYS ? 'sla-late' : undefined} data-testid="sla-days">
              {t('requests.list.days', { count: r.daysSinceSubmission })}
            </Table.Td>
            <Table.Td>{t(`requests.statuses.${r.status}`)}</Table.Td>
            <Table.Td>
              <Button size="compact-sm" variant="light" onClick={() => onOpen(r.id)} aria-label={`${t('requests.list.open')} ${r.reference}`} data-testid={`open-${r.reference}`}>
                {t('requests.list.open')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
