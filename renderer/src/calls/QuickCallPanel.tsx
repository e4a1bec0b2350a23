/**
 * The quick call entry: a dialog over any screen. The number is looked up as it is typed;
 * Alt+1…9 links a match, Alt+N opens a new beneficiary with the number filled in, Ctrl+Enter
 * saves, Escape closes. A refused save keeps everything typed and marks the fields.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, FocusTrap, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { CALL_DIRECTIONS, CALL_OUTCOMES, callInput, type CallInput } from '../../../shared/calls/schemas';
import { issueMessageKey, validationMessage } from '../../../shared/i18n/validation-messages';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { BeneficiaryForm } from '../beneficiaries/BeneficiaryForm';
import { formatDuration, useCallTimer } from './use-call-timer';

interface Values {
  direction: string;
  phone: string;
  callerName: string;
  topic: string;
  summary: string;
  outcome: string;
  followUp: boolean;
  followUpDue: string;
  followUpAssigneeId: string;
  followUpNote: string;
}

const EMPTY: Values = { direction: 'incoming', phone: '', callerName: '', topic: '', summary: '', outcome: 'answered', followUp: false, followUpDue: '', followUpAssigneeId: '', followUpNote: '' };

export function QuickCallPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const titleId = useId();
  const timer = useCallTimer();
  const [v, setV] = useState<Values>(EMPTY);
  const [linked, setLinked] = useState<{ id: string; fullName: string; reference: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    // A corrected field loses its message at once; the others keep theirs.
    setErrors((old) => {
      if (!old[k]) return old;
      const next = { ...old, [k]: '' };
      // Once every marked field is corrected, the banner goes too.
      if (Object.values(next).every((m) => !m)) setFormError(null);
      return next;
    });
  };

  const [phone] = useDebouncedValue(v.phone.trim(), 150);
  const lookup = useQuery({ queryKey: ['calls', 'lookup', phone], queryFn: () => unwrap(api().calls.lookup({ phone })), enabled: phone.length >= 6 });
  const topics = useQuery({ queryKey: ['calls', 'topics'], queryFn: () => unwrap(api().calls.topics({})) });
  const staff = useQuery({ queryKey: ['calls', 'staff'], queryFn: () => unwrap(api().calls.staff({})) });
  const matches = phone.length >= 6 ? (lookup.data?.beneficiaries ?? []) : [];

  // Fill the caller's name from an earlier call from the same number, if the box is still empty.
  useEffect(() => {
    if (lookup.data?.lastCallerName && !v.callerName) set('callerName', lookup.data.lastCallerName);
  }, [lookup.data?.lastCallerName]);

  const toInput = (): CallInput => ({
    direction: v.direction as CallInput['direction'],
    phone: v.phone,
    beneficiaryId: linked?.id ?? null,
    callerName: v.callerName,
    topic: v.topic,
    summary: v.summary,
    outcome: v.outcome as CallInput['outcome'],
    durationSeconds: timer.seconds,
    followUp: v.followUp,
    followUpDue: v.followUpDue,
    followUpAssigneeId: v.followUpAssigneeId || null,
    followUpNote: v.followUpNote,
  });

  const save = useMutation({
    mutationFn: (input: CallInput) => unwrap(api().calls.create(input)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calls'] });
      await queryClient.invalidateQueries({ queryKey: ['timeline'] });
      onClose();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFormError(String(error));
      setFormError(error.payload.message[language]);
      const next: Record<string, string> = {};
      for (const f of error.payload.fields ?? []) next[f.path] ??= f.message[language];
      setErrors(next);
    },
  });

  const submit = () => {
    setFormError(null);
    const parsed = callInput.safeParse(toInput());
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.join('.')] ??= validationMessage(issueMessageKey(issue))[language];
      setErrors(next);
      setFormError(t('calls.fixFields'));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="quick-call"] [aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    save.mutate(toInput());
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !creating) {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !creating) {
      e.preventDefault();
      submit();
    } else if (e.altKey && /^Digit[1-9]$/.test(e.code) && !creating) {
      const match = matches[Number(e.code.slice(5)) - 1];
      if (match) {
        e.preventDefault();
        setLinked(match);
      }
    } else if (e.altKey && e.code === 'KeyN' && !creating) {
      e.preventDefault();
      setCreating(true);
    }
  };

  const topicOptions = [{ value: '', label: '—' }, ...(topics.data ?? []).filter((x) => x.active).map((x) => ({ value: x.key, label: language === 'ar' ? x.ar : x.en }))];
  const staffOptions = [{ value: '', label: '—' }, ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))];
  const err = (k: string) => errors[k] || undefined;

  return (
    <div className="quick-call-backdrop">
      <FocusTrap active>
        <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="quick-call-dialog" onKeyDown={onKeyDown} data-testid="quick-call">
          {creating ? (
            <BeneficiaryForm
              initial={{ mobile: v.phone }}
              onSaved={(b) => {
                setLinked({ id: b.id, fullName: b.fullName, reference: b.reference });
                setCreating(false);
                requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="call-summary"]')?.focus());
              }}
              onCancel={() => setCreating(false)}
              onOpen={(id) => {
                const m = matches.find((x) => x.id === id);
                if (m) setLinked(m);
                setCreating(false);
              }}
            />
          ) : (
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} id={titleId}>
                  {t('calls.panelTitle')}
                </Title>
                <Group gap="xs">
                  <Text className="ltr-value call-timer" aria-label={t('calls.timer')} role="timer" data-testid="call-timer">
                    {formatDuration(timer.seconds)}
                  </Text>
                  <Button size="xs" variant="default" onClick={timer.toggle}>
                    {timer.running ? t('calls.timerPause') : t('calls.timerResume')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={onClose}>
                    {t('calls.close')}
                  </Button>
                </Group>
              </Group>
              {formError && (
                <Alert color="red" role="alert" data-testid="call-error">
                  {formError}
                </Alert>
              )}
              <Columns cols={3}>
                <NativeSelect
                  label={t('calls.direction')}
                  data={CALL_DIRECTIONS.map((d) => ({ value: d, label: t(`calls.directions.${d}`) }))}
                  value={v.direction}
                  onChange={(e) => set('direction', e.currentTarget.value)}
                  data-testid="call-direction"
                />
                <TextInput
                  ref={phoneRef}
                  data-autofocus
                  label={t('calls.phone')}
                  description={t('calls.phoneHint')}
                  dir="ltr"
                  value={v.phone}
                  onChange={(e) => set('phone', e.currentTarget.value)}
                  error={err('phone')}
                  data-testid="call-phone"
                />
                <TextInput label={t('calls.callerName')} value={v.callerName} onChange={(e) => set('callerName', e.currentTarget.value)} error={err('callerName')} data-testid="call-caller-name" />
              </Columns>
              <CallerMatches
                linked={linked}
                matches={matches}
                loading={lookup.isFetching}
                looked={phone.length >= 6 && lookup.isSuccess}
                previousCalls={lookup.data?.previousCalls ?? 0}
                onLink={setLinked}
                onUnlink={() => setLinked(null)}
                onCreate={() => setCreating(true)}
              />
              <Columns cols={2}>
                <NativeSelect label={t('calls.topic')} data={topicOptions} value={v.topic} onChange={(e) => set('topic', e.currentTarget.value)} error={err('topic')} data-testid="call-topic" />
                <NativeSelect
                  label={t('calls.outcome')}
                  data={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`calls.outcomes.${o}`) }))}
                  value={v.outcome}
                  onChange={(e) => set('outcome', e.currentTarget.value)}
                  data-testid="call-outcome"
                />
              </Columns>
              <Textarea label={t('calls.summary')} autosize minRows={2} value={v.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={err('summary')} data-testid="call-summary" />
              <Checkbox label={t('calls.followUp')} checked={v.followUp} onChange={(e) => set('followUp', e.currentTarget.checked)} data-testid="call-follow-up" />
              {v.followUp && (
                <Columns cols={3}>
                  <TextInput label={t('calls.followUpDue')} placeholder="YYYY-MM-DD" dir="ltr" value={v.followUpDue} onChange={(e) => set('followUpDue', e.currentTarget.value)} error={err('followUpDue')} data-testid="call-follow-up-due" />
                  <NativeSelect label={t('calls.followUpAssignee')} data={staffOptions} value={v.followUpAssigneeId} onChange={(e) => set('followUpAssigneeId', e.currentTarget.value)} error={err('followUpAssigneeId')} data-testid="call-follow-up-assignee" />
                  <TextInput label={t('calls.followUpNote')} value={v.followUpNote} onChange={(e) => set('followUpNote', e.currentTarget.value)} />
                </Columns>
              )}
              <Group>
                <Button onClick={submit} loading={save.isPending} data-testid="save-call">
                  {t('calls.save')}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {t('calls.close')}
                </Button>
              </Group>
            </Stack>
          )}
        </div>
      </FocusTrap>
    </div>
  );
}

function CallerMatches(props: {
  linked: { id: string; fullName: string; reference: string } | null;
  matches: { id: string; fullName: string; reference: string; maskedId: string }[];
  loading: boolean;
  looked: boolean;
  previousCalls: number;
  onLink: (m: { id: string; fullName: string; reference: string }) => void;
  onUnlink: () => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  if (props.linked) {
    return (
      <Paper withBorder p="xs" data-testid="call-linked">
        <Group justify="space-between">
          <Text>
            {t('calls.linked')} <strong>{props.linked.fullName}</strong> <span className="ltr-value">{props.linked.reference}</span>
          </Text>
          <Button size="xs" variant="subtle" onClick={props.onUnlink}>
            {t('calls.unlink')}
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Stack gap={4} aria-live="polite">
      {props.loading && <Text size="sm" c="dimmed">{t('calls.lookingUp')}</Text>}
      {props.matches.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('calls.matches')}
          </Text>
          <ul className="plain-list">
            {props.matches.map((m, i) => (
              <li key={m.id}>
                <Group gap="xs" data-testid="call-match">
                  <Button size="xs" onClick={() => props.onLink(m)} aria-keyshortcuts={`Alt+${i + 1}`}>
                    {t('calls.link')}
                  </Button>
                  <Text>{m.fullName}</Text>
                  <Text className="ltr-value" c="dimmed" size="sm">
                    {m.maskedId} · {m.reference}
                  </Text>
                  {i < 9 && (
                    <Badge variant="light" color="gray">
                      {t('calls.linkKey', { n: i + 1 })}
                    </Badge>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.looked && props.matches.length === 0 && !props.loading && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('calls.noMatch')}
          </Text>
          <Button size="xs" variant="light" onClick={props.onCreate} aria-keyshortcuts="Alt+N" data-testid="call-create-beneficiary">
            {t('calls.createBeneficiary')}
          </Button>
        </Group>
      )}
      {props.previousCalls > 0 && (
        <Text size="xs" c="dimmed">
          {t('calls.previousCalls', { count: props.previousCalls })}
        </Text>
      )}
    </Stack>
  );
}
