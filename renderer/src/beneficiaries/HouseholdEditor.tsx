/** Household members: add, edit, remove rows inside the beneficiary form. */
import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RELATIONS, SCHOOLING } from '../../../shared/beneficiaries/schemas';
import type { FormValues } from './form-values';

export function HouseholdEditor({ form }: { form: UseFormReturnType<FormValues> }) {
  const { t } = useTranslation();
  const rows = form.getValues().household;
  const h = (key: string) => t(`beneficiaries.household.${key}` as 'beneficiaries.household.name');

  return (
    <Stack gap="sm" data-testid="household-editor">
      {rows.length === 0 && <Text c="dimmed">{h('empty')}</Text>}
      {rows.map((row, i) => (
        <Fieldset key={row.id ?? `new-${i}`} legend={t('beneficiaries.household.member', { n: i + 1 })}>
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={h('relation')}
              data={RELATIONS.map((r) => ({ value: r, label: t(`beneficiaries.household.relations.${r}`) }))}
              {...form.getInputProps(`household.${i}.relation`)}
            />
            <TextInput label={h('name')} {...form.getInputProps(`household.${i}.name`)} data-testid={`household-name-${i}`} />
            <TextInput label={h('idNumber')} {...form.getInputProps(`household.${i}.idNumber`)} />
            <TextInput label={h('birthDate')} placeholder="YYYY-MM-DD" {...form.getInputProps(`household.${i}.birthDate`)} />
            <NativeSelect
              label={h('schooling')}
              data={[{ value: '', label: '—' }, ...SCHOOLING.map((s) => ({ value: s, label: t(`beneficiaries.household.schoolings.${s}`) }))]}
              {...form.getInputProps(`household.${i}.schooling`)}
            />
            <Checkbox label={h('disability')} {...form.getInputProps(`household.${i}.disability`, { type: 'checkbox' })} />
            <Button variant="subtle" color="red" onClick={() => form.removeListItem('household', i)} data-testid={`household-remove-${i}`}>
              {h('remove')}
            </Button>
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            form.insertListItem('household', { id: null, relation: 'son', name: '', idNumber: '', birthDate: '', disability: false, schooling: null })
          }
          data-testid="household-add"
        >
          {h('add')}
        </Button>
      </Group>
    </Stack>
  );
}
