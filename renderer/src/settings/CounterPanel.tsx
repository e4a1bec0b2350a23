/** This counter's name and the code that goes into its reference numbers. */
import { Loader, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { counterProfile } from '../../../shared/settings/schemas';
import { Columns } from '../common/Columns';
import { useSettingsForm } from './use-settings-form';
import { SaveBar } from './SaveBar';

export function CounterPanel() {
  const { t } = useTranslation();
  const { form, onSubmit, status, saving, ready } = useSettingsForm({
    key: 'counter',
    schema: counterProfile,
    load: () => unwrap(api().settings.counter({})),
    save: (input) => unwrap(api().settings.saveCounter(input)),
    toForm: (c) => ({ code: c.code, name: c.name }),
    toInput: (v) => v,
    empty: { code: '', name: '' },
  });
  if (!ready) return <Loader size="sm" aria-label={t('settings.loading')} />;
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
