/** The letters register: search and filter, export, register incoming/outgoing letters, open one. */
import { displayReference } from '../../../shared/letters/reference-pattern';
import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { LETTER_STATUSES, type LetterView } from '../../../shared/letters/schemas';
import { LETTER_KINDS, type LetterKind } from '../../../shared/letters/reference-pattern';
import { useExportProtection } from '../encryption/use-export-protection';
import { LetterForm } from './LetterForm';
import { LetterDetailView } from './LetterDetailView';

type View = { mode: 'list' } | { mode: 'new'; kind: LetterKind; replyTo?: LetterView } | { mode: 'detail'; id: string };

function Register({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: (k: LetterKind) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const filter = { query: debounced, kind: (kind || null) as LetterKind | null, status: (status || null) as LetterView['status'] | null, limit: 200 };
  const letters = useQuery({ queryKey: ['letters', 'search', filter], queryFn: () => unwrap(api().letters.search(filter)), placeholderData: keepPreviousData });
  const [exported, setExported] = useState<number | null>(null);
  const protection = useExportProtection(true, 'letters-export');
  const exportCsv = useMutation({
    mutationFn: async () => {
      const r = await unwrap(api().letters.exportCsv(filter));
      await protection.deliver({ fileName: r.fileName, text: r.csv, mime: 'text/csv;charset=utf-8' });
      return r;
    },
    onSuccess: (r) => setExported(r.rows),
  });
  const rows = letters.data ?? [];
  const all = { value: '', label: t('letters.all') };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('letters.title')}</Title>
        <Group>
          <Button onClick={() => onNew('incoming')} data-testid="new-incoming-letter">
            {t('letters.newIncoming')}
          </Button>
          <Button variant="light" onClick={() => onNew('outgoing')} data-testid="new-outgoing-letter">
            {t('letters.newOutgoing')}
          </Button>
        </Group>
      </Group>
      <Group align="end">
        <TextInput className="grow" label={t('letters.search')} placeholder={t('letters.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="letters-search" />
        <NativeSelect label={t('letters.fields.kind')} data={[all, ...LETTER_KINDS.map((k) => ({ value: k, label: t(`letters.kinds.${k}`) }))]} value={kind} onChange={(e) => setKind(e.currentTarget.value)} />
        <NativeSelect label={t('letters.fields.status')} data={[all, ...LETTER_STATUSES.map((s) => ({ value: s, label: t(`letters.statuses.${s}`) }))]} value={status} onChange={(e) => setStatus(e.currentTarget.value)} />
        <Button variant="default" onClick={() => protection.ready() && exportCsv.mutate()} loading={exportCsv.isPending} data-testid="letters-export">
          {t('letters.exportCsv')}
        </Button>
      </Group>
      {protection.controls}
      {exported !== null && <Text size="sm" role="status">{t('letters.exported', { count: exported })}</Text>}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('letters.empty')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="letters-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.fields.reference')}</Table.Th>
              <Table.Th>{t('letters.fields.kind')}</Table.Th>
              <Table.Th>{t('letters.fields.letterDate')}</Table.Th>
              <Table.Th>{t('letters.fields.entity')}</Table.Th>
              <Table.Th>{t('letters.fields.subject')}</Table.Th>
              <Table.Th>{t('letters.fields.routedTo')}</Table.Th>
              <Table.Th>{t('letters.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.id} data-testid="letter-row">
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(l.id)}>
                    <span className="ltr-value">{displayReference(l.reference)}</span>
                  </Button>
                </Table.Td>
                <Table.Td>{t(`letters.kinds.${l.kind}`)}</Table.Td>
                <Table.Td className="ltr-value">{l.letterDate}</Table.Td>
                <Table.Td>{l.entity}</Table.Td>
                <Table.Td>
                  {l.subject}
                  {l.attachmentCount > 0 && (
                    <Text span size="sm" c="dimmed" className="attachment-count" aria-label={`${t('letters.attachments')}: ${l.attachmentCount}`}>
                      {/* A drawn paperclip, not the emoji: counter PCs often lack an emoji font. */}
                      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                        <path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z" fill="currentColor" />
                      </svg>
                      {l.attachmentCount}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{l.routedTo ?? '—'}</Table.Td>
                <Table.Td>{t(`letters.statuses.${l.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function LettersBody({ view, setView }: { view: View; setView: (v: View) => void }) {
  const open = (id: string) => setView({ mode: 'detail', id });
  switch (view.mode) {
    case 'list':
      return <Register onOpen={open} onNew={(kind) => setView({ mode: 'new', kind })} />;
    case 'new':
      return <LetterForm kind={view.kind} replyTo={view.replyTo} onSaved={(l) => open(l.id)} onCancel={() => setView(view.replyTo ? { mode: 'detail', id: view.replyTo.id } : { mode: 'list' })} />;
    case 'detail':
      return <LetterDetailView key={view.id} id={view.id} onOpen={open} onAnswer={(l) => setView({ mode: 'new', kind: 'outgoing', replyTo: l })} onBack={() => setView({ mode: 'list' })} />;
  }
}

export function LettersScreen() {
  const [view, setView] = useState<View>({ mode: 'list' });
  return (
    <div className="channels-screen">
      <LettersBody view={view} setView={setView} />
    </div>
  );
}
