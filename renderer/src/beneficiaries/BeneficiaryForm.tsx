/**
 * Create or edit a beneficiary. Validation runs the shared schema as the user saves (the router
 * runs it again); duplicates are looked up while the user types. A refused save keeps every
 * character typed and marks the fields to correct.
 */
import { useState } from 'react';
import { Alert, Button, Fieldset, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { beneficiaryInput, EMPLOYMENT_STATUSES, GENDERS, MARITAL_STATUSES, type BeneficiaryView } from '../../../shared/beneficiaries/schemas';
import { ID_TYPES } from '../../../shared/beneficiaries/identity';
import { birthDateField } from '../../../shared/validation/fields';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { EMPTY_FORM, fromView, toInput, type FormValues } from './form-values';
import { serverErrors, zodErrors } from '../common/form-errors';
import { HouseholdEditor } from './HouseholdEditor';
import { DuplicatePanel } from './DuplicatePanel';

function birthYearOf(v: FormValues): number | null {
  const parsed = birthDateField.safeParse({ calendar: v.birthCalendar, value: v.birthDate });
  return parsed.success && parsed.data ? Number(parsed.data.slice(0, 4)) : null;
}

export function BeneficiaryForm({
  existing,
  initial,
  onSaved,
  onCancel,
  onOpen,
}: {
  existing?: BeneficiaryView;
  /** Values to start a new record with, e.g. the mobile number of a caller. */
  initial?: Partial<FormValues>;
  onSaved: (b: BeneficiaryView) => void;
  onCancel: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [acknowledged, setAcknowledged] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: existing ? fromView(existing) : { ...EMPTY_FORM, ...initial },
    // Inline: a field is checked when the user leaves it, and rechecked as they correct it.
    validateInputOnBlur: true,
    clearInputErrorOnChange: true,
    validate: (values) => {
      const parsed = beneficiaryInput.safeParse(toInput(values));
      return parsed.success ? {} : zodErrors(parsed.error, language);
    },
  });
  const v = form.getValues();

  const [probe] = useDebouncedValue(
    {
      excludeId: existing?.id ?? null,
      idNumber: v.idNumber,
      mobile: v.mobile,
      firstName: v.firstName,
      fatherName: v.fatherName,
      grandfatherName: v.grandfatherName,
      familyName: v.familyName,
      birthYear: birthYearOf(v),
    },
    250,
  );
  const duplicates = useQuery({
    queryKey: ['beneficiaries', 'duplicates', probe],
    queryFn: () => unwrap(api().beneficiaries.checkDuplicates(probe)),
  });
  const candidates = duplicates.data ?? [];
  const hardStop = candidates.some((c) => c.reason === 'same_id');

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const acknowledgedWarnings = acknowledged ? candidates.map((c) => `${c.reason}:${c.id}`) : [];
      const data = toInput(values);
      return unwrap(
        existing
          ? api().beneficiaries.update({ id: existing.id, version: existing.version, data, acknowledgedWarnings })
          : api().beneficiaries.create({ data, acknowledgedWarnings }),
      );
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['beneficiaries'] });
      onSaved(saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setFormError(String(error));
      setFormError(error.payload.message[language]);
      if (error.payload.fields) form.setErrors(serverErrors(error.payload.fields, language));
      document.querySelector('[data-testid="form-error"]')?.scrollIntoView({ block: 'center' });
      if (error.payload.code === 'DUPLICATE') void duplicates.refetch();
    },
  });

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      save.mutate(values);
    },
    () => {
      setFormError(t('beneficiaries.errors.fixFields'));
      // Take the user straight to the first field to correct.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="beneficiary-form"] [aria-invalid="true"]')?.focus());
    },
  );
  const f = (k: string) => t(`beneficiaries.fields.${k}` as 'beneficiaries.fields.idNumber');
  const options = <T extends string>(values: readonly T[], prefix: string, withEmpty = false) => [
    ...(withEmpty ? [{ value: '', label: '—' }] : []),
    ...values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'beneficiaries.genders.male') })),
  ];

  return (
    <form onSubmit={submit} noValidate data-testid="beneficiary-form">
      <Stack gap="md">
        <Title order={1}>{existing ? existing.fullName : t('beneficiaries.newBeneficiary')}</Title>
        {formError && (
          <Alert color="red" role="alert" data-testid="form-error">
            {formError}
          </Alert>
        )}
        <DuplicatePanel candidates={candidates} acknowledged={acknowledged} onAcknowledge={setAcknowledged} onOpen={onOpen} />
        <Fieldset legend={t('beneficiaries.sections.identity')}>
          <Columns cols={3}>
            <NativeSelect label={f('idType')} data={options(ID_TYPES, 'beneficiaries.idTypes')} {...form.getInputProps('idType')} />
            <TextInput label={f('idNumber')} required autoFocus dir="ltr" {...form.getInputProps('idNumber')} data-testid="field-idNumber" />
            <TextInput label={f('idExpiry')} placeholder="YYYY-MM-DD" dir="ltr" {...form.getInputProps('idExpiry')} />
          </Columns>
        </Fieldset>
        <Fieldset legend={t('beneficiaries.sections.name')}>
          <Columns cols={4}>
            {(['firstName', 'fatherName', 'grandfatherName', 'familyName'] as const).map((k) => (
              <TextInput key={k} label={f(k)} required {...form.getInputProps(k)} data-testid={`field-${k}`} />
            ))}
          </Columns>
          <TextInput mt="sm" label={f('latinName')} dir="ltr" {...form.getInputProps('latinName')} />
        </Fieldset>
        <Fieldset legend={t('beneficiaries.sections.personal')}>
          <Columns cols={3}>
            <NativeSelect label={f('gender')} required data={options(GENDERS, 'beneficiaries.genders', true)} {...form.getInputProps('gender')} data-testid="field-gender" />
            <NativeSelect
              label={f('birthCalendar')}
              data={options(['gregorian', 'hijri'] as const, 'beneficiaries.calendars')}
              {...form.getInputProps('birthCalendar')}
            />
            <TextInput label={f('birthDate')} placeholder="YYYY-MM-DD" dir="ltr" {...form.getInputProps('birthDate')} data-testid="field-birthDate" />
            <TextInput label={f('nationality')} dir="ltr" maxLength={2} {...form.getInputProps('nationality')} />
            <NativeSelect label={f('maritalStatus')} data={options(MARITAL_STATUSES, 'beneficiaries.maritalStatuses', true)} {...form.getInputProps('maritalStatus')} />
          </Columns>
        </Fieldset>
        <Fieldset legend={t('beneficiaries.sections.contact')}>
          <Columns cols={3}>
            <TextInput label={f('mobile')} required dir="ltr" placeholder="05XXXXXXXX" {...form.getInputProps('mobile')} data-testid="field-mobile" />
            <TextInput label={f('altMobile')} dir="ltr" {...form.getInputProps('altMobile')} />
            <TextInput label={f('city')} {...form.getInputProps('city')} />
            <TextInput label={f('district')} {...form.getInputProps('district')} />
            <TextInput label={f('nationalAddress')} {...form.getInputProps('nationalAddress')} />
          </Columns>
        </Fieldset>
        <Fieldset legend={t('beneficiaries.sections.economic')}>
          <CategorySelect label={f('category')} inputProps={form.getInputProps('category')} />
          <Columns cols={3} className="mt-sm">
            <NativeSelect label={f('employmentStatus')} data={options(EMPLOYMENT_STATUSES, 'beneficiaries.employmentStatuses', true)} {...form.getInputProps('employmentStatus')} />
            <TextInput label={f('monthlyIncome')} dir="ltr" {...form.getInputProps('monthlyIncome')} />
            <TextInput label={f('iban')} dir="ltr" placeholder="SA…" {...form.getInputProps('iban')} />
          </Columns>
          <Textarea mt="sm" label={f('notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        </Fieldset>
        <Fieldset legend={t('beneficiaries.sections.household')}>
          <HouseholdEditor form={form} />
        </Fieldset>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={hardStop} data-testid="save-beneficiary">
            {t('beneficiaries.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('beneficiaries.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CategorySelect({ label, inputProps }: { label: string; inputProps: object }) {
  const language = useLanguage();
  const categories = useQuery({ queryKey: ['beneficiaries', 'categories'], queryFn: () => unwrap(api().beneficiaries.categories({})) });
  const data = [{ value: '', label: '—' }, ...(categories.data ?? []).map((c) => ({ value: c.key, label: language === 'ar' ? c.nameAr : c.nameEn }))];
  return <NativeSelect label={label} data={data} {...inputProps} />;
}
