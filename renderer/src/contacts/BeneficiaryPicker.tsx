/** An optional link to a beneficiary: search by ID, mobile, reference or name, pick one, or clear it. */
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

export interface PickedBeneficiary {
  id: string;
  fullName: string;
  reference: string;
}

export function BeneficiaryPicker({ value, onChange, testId = 'beneficiary-picker' }: { value: PickedBeneficiary | null; onChange: (b: PickedBeneficiary | null) => void; testId?: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const results = useQuery({
    queryKey: ['beneficiaries', 'search', debounced],
    queryFn: () => unwrap(api().beneficiaries.search({ query: debounced, limit: 5 })),
    enabled: debounced.length >= 2 && !value,
  });
  if (value) {
    return (
      <Paper withBorder p="xs" data-testid={`${testId}-selected`}>
        <Group justify="space-between">
          <Text size="sm">
            {t('contacts.picker.linked')} <strong>{value.fullName}</strong> <span className="ltr-value">{value.reference}</span>
          </Text>
          <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
            {t('contacts.picker.clear')}
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Stack gap={4}>
      <TextInput label={t('contacts.picker.label')} placeholder={t('contacts.picker.placeholder')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid={testId} />
      {(results.data ?? []).map((b) => (
        <Group key={b.id} gap="xs">
          <Button size="xs" variant="light" onClick={() => onChange({ id: b.id, fullName: b.fullName, reference: b.reference })} data-testid={`${testId}-option`}>
            {t('contacts.picker.choose')}
          </Button>
          <Text size="sm">{b.fullName}</Text>
          <Text size="sm" c="dimmed" className="ltr-value">
            {b.reference}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
