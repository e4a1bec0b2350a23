/**
 * The submission receipt: the request's reference and what the policy says the applicant must be
 * told — the research committee decides within no less than two weeks — with the earliest
 * decision date in both calendars.
 */
import { useEffect, useRef } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { bothCalendars } from './format';
import { useSupportTypes } from './RequestStep';
import { SealBadge } from './DeclarationStep';
import { PrintButton } from './PrintButton';

export function ReceiptStep({ request, onFinish }: { request: RequestView; onFinish: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const types = useSupportTypes();
  const type = types.data?.find((x) => x.key === request.supportType);
  const submitted = request.submittedAt ? bothCalendars(request.submittedAt, language) : null;
  const earliest = request.earliestDecisionAt ? bothCalendars(request.earliestDecisionAt, language) : null;
  const finish = useRef<HTMLButtonElement>(null);
  useEffect(() => finish.current?.focus(), []);

  return (
    <Stack gap="md" data-testid="receipt-step">
      <Paper withBorder p="lg" className="receipt" data-testid="request-receipt">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('reception.receipt.title')}
          </Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('reception.receipt.reference')}</Table.Th>
                <Table.Td className="ltr-value receipt-reference" data-testid="receipt-reference">
                  {request.reference}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('reception.receipt.beneficiary')}</Table.Th>
                <Table.Td>
                  {request.beneficiaryName} (<span className="ltr-value">{request.maskedId}</span>)
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('reception.receipt.type')}</Table.Th>
                <Table.Td>{type ? (language === 'ar' ? type.nameAr : type.nameEn) : request.supportType}</Table.Td>
              </Table.Tr>
              {submitted && (
                <Table.Tr>
                  <Table.Th>{t('reception.receipt.submittedAt')}</Table.Th>
                  <Table.Td>
                    {submitted.gregorian} — {submitted.hijri}
                  </Table.Td>
                </Table.Tr>
              )}
              {earliest && (
                <Table.Tr>
                  <Table.Th>{t('reception.receipt.earliest')}</Table.Th>
                  <Table.Td data-testid="receipt-earliest">
                    {t('reception.receipt.gregorian')}: {earliest.gregorian} — {t('reception.receipt.hijri')}: {earliest.hijri}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Text fw={600} data-testid="receipt-committee">
            {t('reception.receipt.committee')}
          </Text>
          <SealBadge request={request} />
        </Stack>
      </Paper>
      <Group>
        <PrintButton kind="request-receipt" recordId={request.id} label={t('reception.receipt.print')} />
        <PrintButton kind="declaration" recordId={request.id} label={t('reception.declaration.printSigned')} />
      </Group>
      <Group>
        <Button ref={finish} onClick={onFinish} data-testid="finish-visit">
          {t('reception.receipt.finish')}
        </Button>
      </Group>
    </Stack>
  );
}
