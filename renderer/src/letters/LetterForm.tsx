/** Registers an incoming or outgoing letter (or a reply to one); the reference is given on save. */
import { displayReference } from '../../../shared/letters/reference-pattern';
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { letterInput, type LetterInput, type LetterView } from '../../../shared/letters/schemas';
import type { LetterKind } from '../../../shared/letters/reference-pattern';
import { issueMessageKey, validationMessage } from '../../../shared/i18n/validation-messages';
import { riyadhDay } from '../../../shared/calls/riyadh-day';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { BeneficiaryPicker, type PickedBeneficiary } from '../contacts/BeneficiaryPicker';
import { hijriOfDay } from './dates';

export function LetterForm({ kind, replyTo, onSaved, onCancel }: { kind: LetterKind; replyTo?: LetterView; onSaved: (l: LetterView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    letterDate: riyadhDay(new Date()),
    entity: replyTo?.entity ?? '',
    externalNumber: '',
    subject: replyTo ? `${language === 'ar' ? 'رد: ' : 'Re: '}${replyTo.subject}` : '',
    summary: '',
    routedTo: '',
    replyDue: '',
  });
  const [beneficiary, setBeneficiary] = useState<PickedBeneficiary | null>(
    replyTo?.beneficiaryId ? { id: replyTo.beneficiaryId, fullName: replyTo.beneficiaryName ?? '', reference: '' } : null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (k: keyof typeof v, value: string) => setV((old) => ({ ...old, [k]: value }));

  const input = (): LetterInput => ({ kind, ...v, beneficiaryId: beneficiary?.id ?? null, inReplyToId: replyTo?.id ?? null });
  const save = useMutation({
    mutationFn: () => unwrap(api().letters.create(input())),
    onSuccess: async (l) => {
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
      await queryClient.invalidateQueries({ queryKey: ['timeline'] });
      onSaved(l);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return setFormError(String(e));
      setFormError(e.payload.message[language]);
      const next: Record<string, string> = {};
      for (const f of e.payload.fields ?? []) next[f.path] ??= f.message[language];
      setErrors(next);
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = letterInput.safeParse(input());
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.join('.')] ??= validationMessage(issueMessageKey(issue))[language];
      setErrors(next);
      setFormError(t('letters.fixFields'));
      return;
    }
    setErrors({});
    setFormError(null);
    save.mutate();
  };
  const hijri = hijriOfDay(v.letterDate, language);

  return (
    <form onSubmit={submit} noValidate data-testid="letter-form">
      <Stack gap="sm">
        <Title order={1}>{replyTo ? t('letters.answering', { reference: displayReference(replyTo.reference) }) : kind === 'incoming' ? t('letters.newIncoming') : t('letters.newOutgoing')}</Title>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Columns cols={3}>
          <TextInput
            label={t('letters.fields.letterDate')}
            description={hijri ? `${t('letters.fields.hijri')}: ${hijri}` : ' '}
            dir="ltr"
            placeholder="YYYY-MM-DD"
            value={v.letterDate}
            onChange={(e) => set('letterDate', e.currentTarget.value)}
            error={errors.letterDate}
            data-testid="letter-date"
          />
          <TextInput
            autoFocus
            label={kind === 'incoming' ? t('letters.fields.entityIncoming') : t('letters.fields.entityOutgoing')}
            required
            value={v.entity}
            onChange={(e) => set('entity', e.currentTarget.value)}
            error={errors.entity}
            data-testid="letter-entity"
          />
          <TextInput label={t('letters.fields.externalNumber')} dir="ltr" value={v.externalNumber} onChange={(e) => set('externalNumber', e.currentTarget.value)} error={errors.externalNumber} />
        </Columns>
        <TextInput label={t('letters.fields.subject')} required value={v.subject} onChange={(e) => set('subject', e.currentTarget.value)} error={errors.subject} data-testid="letter-subject" />
        <Textarea label={t('letters.fields.summary')} autosize minRows={2} value={v.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errors.summary} />
        <Columns cols={2}>
          <TextInput label={t('letters.fields.routedTo')} value={v.routedTo} onChange={(e) => set('routedTo', e.currentTarget.value)} error={errors.routedTo} data-testid="letter-routed-to" />
          <TextInput label={t('letters.fields.replyDue')} dir="ltr" placeholder="YYYY-MM-DD" value={v.replyDue} onChange={(e) => set('replyDue', e.currentTarget.value)} error={errors.replyDue} />
        </Columns>
        <BeneficiaryPicker value={beneficiary} onChange={setBeneficiary} testId="letter-beneficiary" />
        {errors.kind && <Text c="red">{errors.kind}</Text>}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="save-letter">
            {t('letters.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('letters.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
