/** Settings → categories: rename, reorder, deactivate or add the beneficiary categories. */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Loader, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { serverErrors } from '../common/form-errors';

interface Row {
  key: string | null;
  nameAr: string;
  nameEn: string;
  active: boolean;
}

export function CategoriesPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['settings', 'categories'], queryFn: () => unwrap(api().beneficiaries.allCategories({})) });
  const form = useForm<{ categories: Row[] }>({ mode: 'controlled', initialValues: { categories: [] } });
  const { initialize } = form;
  useEffect(() => {
    if (query.data) initialize({ categories: query.data });
  }, [query.data, initialize]);
  const save = useMutation({
    mutationFn: (values: { categories: Row[] }) => unwrap(api().beneficiaries.saveCategories(values)),
    onSuccess: async () => {
      setStatus(t('settings.saved'));
      await client.invalidateQueries({ queryKey: ['beneficiaries', 'categories'] });
      await client.invalidateQueries({ queryKey: ['settings', 'categories'] });
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return setStatus(String(e));
      setStatus(e.payload.message[language]);
      if (e.payload.fields) form.setErrors(serverErrors(e.payload.fields, language));
    },
  });
  if (!query.isSuccess || !form.initialized) return <Loader size="sm" aria-label={t('settings.loading')} />;
  const rows = form.getValues().categories;
  const c = (k: string) => t(`beneficiaries.categoriesPanel.${k}` as 'beneficiaries.title');
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="categories-form">
      <Stack>
        {rows.map((row, i) => (
          <Group key={row.key ?? `new-${i}`} align="flex-end" wrap="nowrap">
            <TextInput label={c('nameAr')} required {...form.getInputProps(`categories.${i}.nameAr`)} data-testid={`category-ar-${i}`} />
            <TextInput label={c('nameEn')} required dir="ltr" {...form.getInputProps(`categories.${i}.nameEn`)} data-testid={`category-en-${i}`} />
            <Checkbox label={c('active')} {...form.getInputProps(`categories.${i}.active`, { type: 'checkbox' })} />
            <ActionIcon variant="default" aria-label={c('up')} disabled={i === 0} onClick={() => form.reorderListItem('categories', { from: i, to: i - 1 })}>
              ↑
            </ActionIcon>
            <ActionIcon variant="default" aria-label={c('down')} disabled={i === rows.length - 1} onClick={() => form.reorderListItem('categories', { from: i, to: i + 1 })}>
              ↓
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('categories', { key: null, nameAr: '', nameEn: '', active: true })} data-testid="category-add">
            {c('add')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="categories-save">
            {t('settings.save')}
          </Button>
        </Group>
        {status && (
          <Alert color={save.isError ? 'red' : 'teal'} role={save.isError ? 'alert' : 'status'}>
            {status}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
