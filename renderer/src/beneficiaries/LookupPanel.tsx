/**
 * One search box for ID, mobile, reference or any part of the name. Keyboard first: the box keeps
 * focus, arrows move through the results (combobox pattern), Enter opens the highlighted one.
 */
import { useEffect, useId, useState } from 'react';
import { Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { displayPhone } from '../../../shared/validation/phone';

export function LookupPanel({ onOpen, onCreate }: { onOpen: (id: string) => void; onCreate: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const [active, setActive] = useState(0);
  const listId = useId();

  const results = useQuery({
    queryKey: ['beneficiaries', 'search', debounced],
    queryFn: () => unwrap(api().beneficiaries.search({ query: debounced, limit: 20 })),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const rows = debounced.length > 0 ? (results.data ?? []) : [];
  useEffect(() => setActive(0), [debounced]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, rows.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && rows[active]) {
      e.preventDefault();
      onOpen(rows[active].id);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('beneficiaries.title')}</Title>
        <Button onClick={onCreate} data-testid="new-beneficiary">
          {t('beneficiaries.newBeneficiary')}
        </Button>
      </Group>
      <TextInput
        autoFocus
        size="lg"
        label={t('beneficiaries.searchLabel')}
        description={t('beneficiaries.searchHint')}
        placeholder={t('beneficiaries.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={rows[active] ? `${listId}-${rows[active].id}` : undefined}
        data-testid="beneficiary-search"
      />
      {debounced.length > 0 && results.isSuccess && rows.length === 0 && <Text c="dimmed">{t('beneficiaries.noResults')}</Text>}
      {rows.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('beneficiaries.resultsCount', { count: rows.length })}
          </Text>
          <ul id={listId} role="listbox" aria-label={t('beneficiaries.resultsLabel')} className="result-list">
            {rows.map((r, i) => (
              <li
                key={r.id}
                id={`${listId}-${r.id}`}
                role="option"
                aria-selected={i === active}
                className="result-row"
                onClick={() => onOpen(r.id)}
                data-testid="search-result"
              >
                <Text fw={600} className="result-name">
                  {r.fullName}
                </Text>
                <Text className="ltr-value">{r.maskedId}</Text>
                <Text className="ltr-value">{displayPhone(r.mobile)}</Text>
                <Text className="ltr-value">{r.reference}</Text>
                <Badge variant="light" color="gray">
                  {t(`beneficiaries.matchedBy.${r.matchedBy}`)}
                </Badge>
              </li>
            ))}
          </ul>
        </>
      )}
    </Stack>
  );
}
