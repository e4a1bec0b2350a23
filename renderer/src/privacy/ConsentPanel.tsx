/**
 * On a beneficiary's profile: the privacy notice in force (shown to the person at collection),
 * the consent given (by the person or a guardian, to which version) and its withdrawal.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { useCan } from '../auth/use-session';
import { errorText } from '../auth/error-text';
import { formatGregorian } from '../../../shared/dates/calendars';

export function ConsentPanel({
  beneficiaryId,
  guardianRequired = false,
  onRecorded,
}: {
  beneficiaryId: string;
  /** A minor: only a guardian's consent counts (the walk-in's request step says so). */
  guardianRequired?: boolean;
  onRecorded?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const canRecord = useCan('privacy:recordConsent');
  const notice = useQuery({ queryKey: ['privacy-notice'], queryFn: () => unwrap(api().privacy.notice({})) });
  const consents = useQuery({ queryKey: ['consents', beneficiaryId], queryFn: () => unwrap(api().privacy.consents({ beneficiaryId })) });
  const [showNotice, setShowNotice] = useState(false);
  const [givenBy, setGivenBy] = useState<'self' | 'guardian'>(guardianRequired ? 'guardian' : 'self');
  const [guardian, setGuardian] = useState({ guardianName: '', guardianRelation: '', guardianIdNumber: '' });
  const [reason, setReason] = useState('');
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['consents', beneficiaryId] }), queryClient.invalidateQueries({ queryKey: ['consent-status', beneficiaryId] })]);
  const record = useMutation({
    mutationFn: () =>
      unwrap(api().privacy.recordConsent({ beneficiaryId, noticeVersion: notice.data!.version, givenBy, ...(givenBy === 'guardian' ? guardian : {}) })),
    onSuccess: async () => {
      await refresh();
      onRecorded?.();
    },
  });
  const withdraw = useMutation({ mutationFn: (consentId: string) => unwrap(api().privacy.withdrawConsent({ consentId, reason })), onSuccess: refresh });
  const active = consents.data?.find((c) => !c.withdrawnAt);
  const outdated = active && notice.data && active.noticeVersion < notice.data.version;
  const needsGuardian = guardianRequired && active?.givenBy !== 'guardian';
  const date = (iso: string) => formatGregorian(new Date(iso), language);

  return (
    <Paper withBorder p="md" data-testid="consent-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('privacy.consent.title')}
        </Title>
        {active ? (
          <Group gap="xs">
            <Badge color="teal.9">{t('privacy.consent.notice', { version: active.noticeVersion })}</Badge>
            <Text size="sm" data-testid="consent-status">
              {t('privacy.consent.given', {
                version: active.noticeVersion,
                date: date(active.consentedAt),
                by: active.givenBy === 'self' ? t('privacy.consent.self') : `${t('privacy.consent.guardian')}: ${active.guardianName ?? ''}`,
                staff: active.recordedBy ?? '—',
              })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="consent-status">
            {t('privacy.consent.none')}
          </Text>
        )}
        {outdated && <Alert color="yellow">{t('privacy.consent.outdated')}</Alert>}
        {consents.data
          ?.filter((c) => c.withdrawnAt)
          .map((c) => (
            <Text key={c.id} size="xs" c="dimmed">
              {t('privacy.consent.notice', { version: c.noticeVersion })} — {t('privacy.consent.withdrawn', { date: date(c.withdrawnAt!) })}
            </Text>
          ))}
        {notice.data && (
          <Button variant="subtle" size="xs" onClick={() => setShowNotice((s) => !s)} data-testid="show-notice" aria-expanded={showNotice}>
            {showNotice ? t('privacy.consent.hideNotice') : t('privacy.consent.showNotice')}
          </Button>
        )}
        {showNotice && notice.data && (
          <Paper p="sm" bg="gray.0" data-testid="notice-text">
            <Text size="sm" fw={600}>
              {t('privacy.consent.notice', { version: notice.data.version })}
            </Text>
            <Text size="sm" className="notice-text">
              {language === 'ar' ? notice.data.bodyAr : notice.data.bodyEn}
            </Text>
          </Paper>
        )}
        {canRecord && notice.data && (!active || outdated || needsGuardian) && (
          <form onSubmit={(e) => (e.preventDefault(), record.mutate())}>
            <Stack gap="xs">
              <Radio.Group label={t('privacy.consent.givenBy')} value={givenBy} onChange={(v) => setGivenBy(v as 'self' | 'guardian')}>
                <Group>
                  <Radio value="self" label={t('privacy.consent.self')} disabled={guardianRequired} data-testid="consent-self" />
                  <Radio value="guardian" label={t('privacy.consent.guardian')} data-testid="consent-guardian" />
                </Group>
              </Radio.Group>
              {givenBy === 'guardian' && (
                <Group>
                  <TextInput label={t('privacy.consent.guardianName')} value={guardian.guardianName} onChange={(e) => setGuardian({ ...guardian, guardianName: e.currentTarget.value })} data-testid="guardian-name" />
                  <TextInput label={t('privacy.consent.guardianRelation')} value={guardian.guardianRelation} onChange={(e) => setGuardian({ ...guardian, guardianRelation: e.currentTarget.value })} />
                  <TextInput label={t('privacy.consent.guardianIdNumber')} value={guardian.guardianIdNumber} onChange={(e) => setGuardian({ ...guardian, guardianIdNumber: e.currentTarget.value })} dir="ltr" />
                </Group>
              )}
              {record.error && <Alert color="red" role="alert">{errorText(record.error, language)}</Alert>}
              <Group>
                <Button type="submit" loading={record.isPending} data-testid="record-consent">
                  {t('privacy.consent.record', { version: notice.data.version })}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {canRecord && active && (
          <Group align="end">
            <TextInput size="xs" label={t('privacy.consent.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button size="xs" color="red" variant="light" onClick={() => withdraw.mutate(active.id)} data-testid="withdraw-consent">
              {t('privacy.consent.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
