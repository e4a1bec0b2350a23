/** This counter's name and the code that goes into its reference numbers. */
import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { counterProfile } from '../../../shared/settings/schemas';
import { Columns } from '../common/Columns';
import { useSettingsForm } from './use-settings-form';
import { SaveBar } from './SaveBar';

export function CounterPanel() {
  const { t } = useTranslation();
  const { form, onSubmit, status, saving } = useSettingsForm({
    key: 'counter',
    schema: counterProfile,
    load: () => unwrap(api().settings.counter({})),
    save: (input) => unwrap(api().settings.saveCounter(input)),
    toForm: (c) => ({ code: c.code, name: c.name }),
    toInput: (v) => v,
    empty: { code: '', name: '' },
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="counter-form">
      <Stack>
        <Columns cols={2}>
          <TextInput label={t('settings.counter.code')} dir="ltr" required {...form.getInputProps('code')} data-testid="counter-code" />
          <TextInput label={t('settings.counter.name')} required {...form.getInputProps('name')} data-testid="counter-name" />
        </Columns>
        <SaveBar status={status} saving={saving} testId="counter-save" />
      </Stack>
    </form>
  );
}
