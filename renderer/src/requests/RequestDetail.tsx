/** One request as the committee and the delivery desk see it: what was asked, verified documents, seal, decisions, deliveries. */
import type { ReactNode } from 'react';
import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { RequestView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { SealBadge } from '../reception/DeclarationStep';
import { dateTime } from '../reception/format';

export function useRequest(id: string) {
  return useQuery({ queryKey: ['requests', 'get', id], queryFn: () => unwrap(api().requests.get({ id })) });
}

export function RequestDetail({ request, onBack, children }: { request: RequestView; onBack: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="md" data-testid="request-detail">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t(`requests.types.${request.supportType}`)} — <span className="ltr-value">{request.reference}</span>
        </Title>
        <Button variant="subtle" onClick={onBack}>
          {t('requests.detail.back')}
        </Button>
      </Group>
      <Group gap="xs">
        <Badge size="lg" data-testid="request-status">
          {t(`requests.statuses.${request.status}`)}
        </Badge>
        <Text>
          {request.beneficiaryName} (<span className="ltr-value">{request.maskedId}</span>)
        </Text>
      </Group>
      <Paper withBorder p="sm">
        <Text>
          {[request.amount !== null ? t('requests.detail.amount', { amount: request.amount }) : null, request.items].filter(Boolean).join(' — ')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('requests.detail.justification')}: {request.justification}
        </Text>
      </Paper>
      <Stack gap={4}>
        <Text fw={600}>{t('requests.detail.checklist')}</Text>
        <List size="sm">
          {request.checklist.map((c) => (
            <List.Item key={c.id}>
              {language === 'ar' ? c.labelAr : c.labelEn}
              {c.documentNumber ? ` — ${c.documentNumber}` : ''}
              {c.expiryDate ? ` (${c.expiryDate})` : ''} — {c.verified ? `✓ ${c.verifiedBy ?? ''}` : '✗'}
            </List.Item>
          ))}
        </List>
      </Stack>
      <SealBadge request={request} />
      {request.decisions.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('requests.detail.decisions')}</Text>
          <List size="sm">
            {request.decisions.map((d, i) => (
              <List.Item key={i}>
                {t(`requests.decide.choices.${d.decision}`)}: {d.reason} — {d.by}، {dateTime(d.at, language)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {children}
    </Stack>
  );
}
