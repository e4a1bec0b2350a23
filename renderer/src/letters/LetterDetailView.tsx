/** One letter: its details, the whole correspondence chain, attachments, routing and the receipt. */
import { displayReference } from '../../../shared/letters/reference-pattern';
import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { LETTER_STATUSES, type LetterView } from '../../../shared/letters/schemas';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { AttachmentList } from './AttachmentList';
import { LetterReceipt } from './LetterReceipt';
import { hijriOfDay } from './dates';

function Field({ label, value, ltr }: { label: string; value: string | null; ltr?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text className={ltr ? 'ltr-value' : undefined}>{value || '—'}</Text>
    </div>
  );
}

function Routing({ letter }: { letter: LetterView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ status: letter.status as string, routedTo: letter.routedTo ?? '', replyDue: letter.replyDue ?? '' });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useMutation({
    mutationFn: () => unwrap(api().letters.update({ id: letter.id, version: letter.version, status: v.status as LetterView['status'], routedTo: v.routedTo, replyDue: v.replyDue })),
    onSuccess: async () => {
      setMsg({ ok: true, text: t('letters.updated') });
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
    },
    onError: (e) => setMsg({ ok: false, text: e instanceof ApiError ? (e.payload.fields?.[0]?.message ?? e.payload.message)[language] : String(e) }),
  });
  return (
    <Stack gap="xs">
      <Columns cols={3}>
        <NativeSelect label={t('letters.fields.status')} data={LETTER_STATUSES.map((s) => ({ value: s, label: t(`letters.statuses.${s}`) }))} value={v.status} onChange={(e) => setV({ ...v, status: e.currentTarget.value })} data-testid="letter-status" />
        <TextInput label={t('letters.fields.routedTo')} value={v.routedTo} onChange={(e) => setV({ ...v, routedTo: e.currentTarget.value })} />
        <TextInput label={t('letters.fields.replyDue')} dir="ltr" placeholder="YYYY-MM-DD" value={v.replyDue} onChange={(e) => setV({ ...v, replyDue: e.currentTarget.value })} />
      </Columns>
      <Group>
        <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} data-testid="letter-update">
          {t('letters.update')}
        </Button>
        {msg && (
          <Text c={msg.ok ? 'teal' : 'red'} role="status">
            {msg.text}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function LetterDetailView({ id, onOpen, onAnswer, onBack }: { id: string; onOpen: (id: string) => void; onAnswer: (l: LetterView) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useQuery({ queryKey: ['letters', 'get', id], queryFn: () => unwrap(api().letters.get({ id })) });
  const [receipt, setReceipt] = useState(false);
  if (detail.isError) return <Alert color="red">{(detail.error as Error).message}</Alert>;
  const d = detail.data;
  if (!d) return null;
  const l = d.letter;
  return (
    <Stack gap="md" data-testid="letter-detail">
      <Group justify="space-between">
        <div>
          <Title order={1}>{l.subject}</Title>
          <Group gap="xs">
            <Text className="ltr-value" fw={700} data-testid="letter-reference">
              {displayReference(l.reference)}
            </Text>
            <Badge variant="light">{t(`letters.kinds.${l.kind}`)}</Badge>
            <Badge color={l.status === 'answered' ? 'teal' : 'dark'} data-testid="letter-status-badge">
              {t(`letters.statuses.${l.status}`)}
            </Badge>
          </Group>
        </div>
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('letters.back')}
          </Button>
          {l.kind === 'incoming' && (
            <>
              <Button variant="default" onClick={() => setReceipt((r) => !r)} aria-expanded={receipt} data-testid="letter-receipt-button">
                {t('letters.receipt')}
              </Button>
              <Button onClick={() => onAnswer(l)} data-testid="answer-letter">
                {t('letters.answer')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {receipt && <LetterReceipt letterId={l.id} />}
      <Paper withBorder p="md">
        <Columns cols={4}>
          <Field label={t('letters.fields.letterDate')} value={l.letterDate} ltr />
          <Field label={t('letters.fields.hijri')} value={hijriOfDay(l.letterDate, language)} />
          <Field label={l.kind === 'incoming' ? t('letters.fields.entityIncoming') : t('letters.fields.entityOutgoing')} value={l.entity} />
          <Field label={t('letters.fields.externalNumber')} value={l.externalNumber} ltr />
          <Field label={t('letters.fields.beneficiary')} value={l.beneficiaryName} />
          <Field label={t('letters.fields.routedTo')} value={l.routedTo} />
          <Field label={t('letters.fields.replyDue')} value={l.replyDue} ltr />
          <Field label={t('letters.createdBy', { name: l.createdByName })} value={l.createdAt.slice(0, 16).replace('T', ' ')} ltr />
        </Columns>
        {l.summary && <Text mt="sm">{l.summary}</Text>}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('letters.chain')}
        </Title>
        <ol className="letter-chain" data-testid="letter-chain">
          {d.chain.map((c) => (
            <li key={c.id} className={`letter-chain-item depth-${Math.min(c.depth, 4)}`} aria-current={c.id === l.id ? 'true' : undefined}>
              <Group gap="xs">
                <Badge variant="light" color={c.kind === 'incoming' ? 'blue' : 'grape'}>
                  {t(`letters.kinds.${c.kind}`)}
                </Badge>
                {c.id === l.id ? (
                  <Text fw={700} className="ltr-value">
                    {displayReference(c.reference)}
                  </Text>
                ) : (
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(c.id)}>
                    <span className="ltr-value">{displayReference(c.reference)}</span>
                  </Button>
                )}
                <Text>{c.subject}</Text>
                <Text c="dimmed" size="sm" className="ltr-value">
                  {c.letterDate}
                </Text>
                <Text size="sm">{t(`letters.statuses.${c.status}`)}</Text>
              </Group>
            </li>
          ))}
        </ol>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('letters.attachments')}
        </Title>
        <AttachmentList letterId={l.id} attachments={d.attachments} />
      </Paper>
      <Paper withBorder p="md">
        <Routing key={l.version} letter={l} />
      </Paper>
    </Stack>
  );
}
