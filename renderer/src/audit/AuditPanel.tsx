/** Settings → Audit: the viewer (filters by user, record, action, date) and, for administrators, the chain check. */
import { useState } from 'react';
import { Alert, Button, Code, Group, List, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { useCan } from '../auth/use-session';
import { errorText } from '../auth/error-text';
import type { AuditFilter } from '../../../shared/audit/schemas';

const ACTIONS = ['create', 'update', 'delete', 'view', 'print', 'export', 'sign_in', 'sign_in_failed', 'sign_out', 'purge'] as const;

function VerifyTrail() {
  const { t } = useTranslation();
  const language = useLanguage();
  const verify = useMutation({ mutationFn: () => unwrap(api().audit.verify({})) });
  const r = verify.data;
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Group>
      {verify.error && <Alert color="red">{errorText(verify.error, language)}</Alert>}
      {r?.ok && (
        <Alert color="teal" data-testid="audit-intact">
          {t('audit.intact', { count: r.checked })}
        </Alert>
      )}
      {r && !r.ok && (
        <Alert color="red" role="alert" data-testid="audit-tampered" title={t('audit.tampered', { count: r.problems.length })}>
          <List>
            {r.problems.map((p) => (
              <List.Item key={`${p.kind}-${p.seq}`}>{t(`audit.problem.${p.kind}`, { seq: p.seq })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

export function AuditPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const canVerify = useCan('audit:verify');
  const [draft, setDraft] = useState({ userId: '', record: '', action: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>({ limit: 200 });
  const list = useQuery({ queryKey: ['audit', filter], queryFn: () => unwrap(api().audit.list(filter)) });
  const users = list.data?.users ?? [];

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('audit.title')}
      </Title>
      <Text c="dimmed">{t('audit.intro')}</Text>
      {canVerify && <VerifyTrail />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ limit: 200, userId: draft.userId || null, record: draft.record || null, action: draft.action || null, from: draft.from || null, to: draft.to || null });
        }}
      >
        <Group align="end" wrap="wrap">
          <NativeSelect
            label={t('audit.user')}
            value={draft.userId}
            onChange={(e) => setDraft({ ...draft, userId: e.currentTarget.value })}
            data={[{ value: '', label: t('audit.anyUser') }, ...users.map((u) => ({ value: u.id, label: u.name }))]}
            data-testid="audit-user"
          />
          <TextInput label={t('audit.record')} value={draft.record} onChange={(e) => setDraft({ ...draft, record: e.currentTarget.value })} dir="ltr" data-testid="audit-record" />
          <NativeSelect
            label={t('audit.action')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
            data={[{ value: '', label: t('audit.anyAction') }, ...ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))]}
            data-testid="audit-action"
          />
          <TextInput label={t('audit.from')} placeholder={t('audit.datePlaceholder')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} dir="ltr" />
          <TextInput label={t('audit.to')} placeholder={t('audit.datePlaceholder')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} dir="ltr" />
          <Button type="submit" data-testid="audit-search">
            {t('audit.search')}
          </Button>
        </Group>
      </form>
      {list.error && <Alert color="red">{errorText(list.error, language)}</Alert>}
      {list.data && list.data.entries.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {list.data && list.data.entries.length > 0 && (
        <Table striped aria-label={t('audit.title')} data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.columns.seq')}</Table.Th>
              <Table.Th>{t('audit.columns.at')}</Table.Th>
              <Table.Th>{t('audit.columns.user')}</Table.Th>
              <Table.Th>{t('audit.columns.action')}</Table.Th>
              <Table.Th>{t('audit.columns.entity')}</Table.Th>
              <Table.Th>{t('audit.columns.record')}</Table.Th>
              <Table.Th>{t('audit.columns.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.entries.map((e) => (
              <Table.Tr key={e.seq} data-testid="audit-row">
                <Table.Td>{e.seq}</Table.Td>
                <Table.Td className="ltr-value">{new Date(e.at).toLocaleString(language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB')}</Table.Td>
                <Table.Td>{e.userName ?? e.userId}</Table.Td>
                <Table.Td>{(ACTIONS as readonly string[]).includes(e.action) ? t(`audit.actions.${e.action as (typeof ACTIONS)[number]}`) : e.action}</Table.Td>
                <Table.Td className="ltr-value">{e.entity}</Table.Td>
                <Table.Td className="ltr-value">{e.entityId ? `${e.entityId.slice(0, 8)}…` : '—'}</Table.Td>
                <Table.Td>
                  {e.redacted ? (
                    <Text size="xs" c="dimmed">
                      {t('audit.redacted')}
                    </Text>
                  ) : (
                    e.after && <Code className="audit-details">{e.after.slice(0, 160)}</Code>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
