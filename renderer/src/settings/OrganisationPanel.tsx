/** The society's profile printed on every document: name, licence, address, header lines. */
import { Loader, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { organisationProfile } from '../../../shared/settings/schemas';
import { Columns } from '../common/Columns';
import { useSettingsForm } from './use-settings-form';
import { SaveBar } from './SaveBar';

const EMPTY = { name: '', nameEn: '', licence: '', address: '', phone: '', headerLines: '' };

export function OrganisationPanel() {
  const { t } = useTranslation();
  const { form, onSubmit, status, saving, ready } = useSettingsForm({
    key: 'organisation',
    schema: organisationProfile,
    load: () => unwrap(api().settings.organisation({})),
    save: (input) => unwrap(api().settings.saveOrganisation(input)),
    toForm: (o) => ({ name: o.name, nameEn: o.nameEn ?? '', licence: o.licence, address: o.address ?? '', phone: o.phone ?? '', headerLines: o.headerLines.join('\n') }),
    toInput: (v) => ({ ...v, headerLines: v.headerLines.split('\n').map((l) => l.trim()).filter(Boolean) }),
    empty: EMPTY,
  });
  const l = (k: string) => t(`settings.organisation.${k}` as 'settings.save');
  if (!ready) return <Loader size="sm" aria-label={t('settings.loading')} />;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="organisation-form">
      <Stack>
        <Columns cols={2}>
          <TextInput label={l('name')} required {...form.getInputProps('name')} data-testid="org-name" />
          <TextInput label={l('nameEn')} dir="ltr" {...form.getInputProps('nameEn')} />
          <TextInput label={l('licence')} required dir="ltr" {...form.getInputProps('licence')} data-testid="org-licence" />
          <TextInput label={l('phone')} dir="ltr" {...form.getInputProps('phone')} />
        </Columns>
        <TextInput label={l('address')} {...form.getInputProps('address')} />
        <Textarea label={l('headerLines')} autosize minRows={2} {...form.getInputProps('headerLines')} />
        <SaveBar status={status} saving={saving} testId="org-save" />
      </Stack>
    </form>
  );
}
