/** Settings: the letter reference pattern, with a live example; the core refuses patterns that could collide. */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { DEFAULT_LETTER_REFERENCE, displayReference, formatLetterReference, letterReferenceSettings, type LetterReferenceSettings } from '../../../shared/letters/reference-pattern';
import { issueMessageKey, validationMessage } from '../../../shared/i18n/validation-messages';
import { hijriYear } from '../../../shared/dates/calendars';
import { toLatinDigits } from '../../../shared/text/digits';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';

export function ReferencePatternPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['letters', 'referenceSettings'], queryFn: () => unwrap(api().letters.referenceSettings({})) });
  const [v, setV] = useState({ pattern: DEFAULT_LETTER_REFERENCE.pattern, incomingMark: DEFAULT_LETTER_REFERENCE.incomingMark, outgoingMark: DEFAULT_LETTER_REFERENCE.outgoingMark, digits: String(DEFAULT_LETTER_REFERENCE.digits) });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (current.data) setV({ ...current.data, digits: String(current.data.digits) });
  }, [current.data]);
  const candidate = { ...v, digits: Number(toLatinDigits(v.digits)) };
  const parsed = letterReferenceSettings.safeParse(candidate);
  const problem = parsed.success ? null : validationMessage(issueMessageKey(parsed.error.issues[0]!))[language];
  const example = parsed.success ? formatLetterReference(parsed.data as LetterReferenceSettings, 'incoming', hijriYear(new Date()), 'K01', 123) : '—';
  const save = useMutation({
    mutationFn: () => unwrap(api().letters.setReferenceSettings(candidate)),
    onSuccess: async () => {
      setMsg({ ok: true, text: t('letters.referencePanel.saved') });
      await queryClient.invalidateQueries({ queryKey: ['letters', 'referenceSettings'] });
    },
    onError: (e) => setMsg({ ok: false, text: e instanceof ApiError ? (e.payload.fields?.[0]?.message ?? e.payload.message)[language] : String(e) }),
  });
  return (
    <Stack gap="sm" data-testid="reference-panel">
      <Title order={2} size="h4">
        {t('letters.referencePanel.title')}
      </Title>
      <TextInput label={t('letters.referencePanel.pattern')} description={t('letters.referencePanel.patternHint')} dir="ltr" value={v.pattern} onChange={(e) => setV({ ...v, pattern: e.currentTarget.value })} error={problem} />
      <Columns cols={3}>
        <TextInput label={t('letters.referencePanel.incomingMark')} value={v.incomingMark} onChange={(e) => setV({ ...v, incomingMark: e.currentTarget.value })} />
        <TextInput label={t('letters.referencePanel.outgoingMark')} value={v.outgoingMark} onChange={(e) => setV({ ...v, outgoingMark: e.currentTarget.value })} />
        <TextInput label={t('letters.referencePanel.digits')} dir="ltr" value={v.digits} onChange={(e) => setV({ ...v, digits: e.currentTarget.value })} />
      </Columns>
      <Text>
        {t('letters.referencePanel.example')}: <span className="ltr-value">{displayReference(example)}</span>
      </Text>
      {msg && (
        <Alert color={msg.ok ? 'teal' : 'red'} role="status">
          {msg.text}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate()} disabled={!parsed.success} loading={save.isPending}>
          {t('letters.referencePanel.save')}
        </Button>
      </Group>
    </Stack>
  );
}
