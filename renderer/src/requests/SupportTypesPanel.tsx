/** Settings: each support type's names and its required-document checklist (administrators and managers). */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { ChecklistItemDef, SupportTypeView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from '../reception/api-errors';

export function SupportTypesPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const types = useQuery({ queryKey: ['requests', 'types'], queryFn: () => unwrap(api().requests.types({})) });
  const [key, setKey] = useState('food_basket');
  const selected = types.data?.find((x) => x.key === key);
  return (
    <Stack gap="md" data-testid="support-types-panel" className="counter-settings">
      <Title order={2} size="h4">
        {t('requests.settings.typesTitle')}
      </Title>
      <Text size="sm">{t('requests.settings.typesIntro')}</Text>
      <NativeSelect
        label={t('requests.list.type')}
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        data={(types.data ?? []).map((x) => ({ value: x.key, label: language === 'ar' ? x.nameAr : x.nameEn }))}
        data-testid="settings-support-type"
      />
      {selected && <TypeEditor key={selected.key} type={selected} />}
    </Stack>
  );
}

function TypeEditor({ type }: { type: SupportTypeView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [nameAr, setNameAr] = useState(type.nameAr);
  const [nameEn, setNameEn] = useState(type.nameEn);
  const [active, setActive] = useState(type.active);
  const [items, setItems] = useState<ChecklistItemDef[]>(type.checklist);
  const save = useMutation({
    mutationFn: () => unwrap(api().requests.saveType({ key: type.key, nameAr, nameEn, active, checklist: items })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['requests', 'types'] }),
  });
  const refusal = save.error ? refusalOf(save.error, language, t('requests.errors.generic')) : null;
  const setItem = (i: number, patch: Partial<ChecklistItemDef>) => setItems((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
      <Group grow>
        <TextInput label={t('requests.settings.nameAr')} value={nameAr} onChange={(e) => setNameAr(e.currentTarget.value)} error={refusal?.fields.nameAr} />
        <TextInput label={t('requests.settings.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={refusal?.fields.nameEn} />
      </Group>
      <Checkbox label={t('requests.settings.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      {items.map((item, i) => (
        <Paper key={i} withBorder p="sm" data-testid="checklist-def">
          <Stack gap="xs">
            <Group grow>
              <TextInput label={`${t('requests.settings.key')} ${i + 1}`} value={item.key} onChange={(e) => setItem(i, { key: e.currentTarget.value })} error={refusal?.fields[`checklist.${i}.key`]} />
              <TextInput label={`${t('requests.settings.labelAr')} ${i + 1}`} value={item.labelAr} onChange={(e) => setItem(i, { labelAr: e.currentTarget.value })} error={refusal?.fields[`checklist.${i}.labelAr`]} />
              <TextInput label={`${t('requests.settings.labelEn')} ${i + 1}`} value={item.labelEn} onChange={(e) => setItem(i, { labelEn: e.currentTarget.value })} error={refusal?.fields[`checklist.${i}.labelEn`]} />
            </Group>
            <Group>
              <Checkbox label={t('requests.settings.needsNumber')} checked={item.needsNumber} onChange={(e) => setItem(i, { needsNumber: e.currentTarget.checked })} />
              <Checkbox label={t('requests.settings.needsExpiry')} checked={item.needsExpiry} onChange={(e) => setItem(i, { needsExpiry: e.currentTarget.checked })} />
              <Checkbox label={t('requests.settings.identity')} checked={item.identity} onChange={(e) => setItem(i, { identity: e.currentTarget.checked })} />
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setItems((all) => all.filter((_, j) => j !== i))}>
                {t('requests.settings.removeItem')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => setItems((all) => [...all, { key: '', labelAr: '', labelEn: '', needsNumber: true, needsExpiry: false, identity: false }])} data-testid="add-checklist-item">
          {t('requests.settings.addItem')}
        </Button>
        <Button type="submit" loading={save.isPending} data-testid="save-support-type">
          {t('requests.settings.save')}
        </Button>
      </Group>
      {refusal && (
        <Alert color="red" role="alert" data-testid="form-error">
          {refusal.message}
        </Alert>
      )}
      {save.isSuccess && !save.isPending && (
        <Alert color="teal" role="status">
          {t('requests.settings.saved')}
        </Alert>
      )}
    </Stack>
  );
}
