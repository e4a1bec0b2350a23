/** Settings: printers (name, connection, paper, type), a test print, defaults per document, recent jobs. */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../shared/printing/document-kinds';
import { PAPERS, PRINTER_INTERFACES, THERMAL_TYPES, printerInput, type PrinterView, type PrintJobView } from '../../../shared/printing/schemas';
import { issueMessageKey, validationMessage } from '../../../shared/i18n/validation-messages';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { PrintJobNotice } from './PrintJobNotice';

type Draft = { id: string | null; name: string; interface: PrinterView['interface']; address: string; paper: PrinterView['paper']; type: PrinterView['type'] };
const EMPTY: Draft = { id: null, name: '', interface: 'tcp', address: 'tcp://', paper: '80mm', type: 'epson' };

export function PrintersPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: ['printing', 'printers'], queryFn: () => unwrap(api().printing.printers({})) });
  const jobs = useQuery({ queryKey: ['printing', 'jobs'], queryFn: () => unwrap(api().printing.jobs({ limit: 10 })) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [lastJob, setLastJob] = useState<PrintJobView | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['printing'] });
    await queryClient.invalidateQueries({ queryKey: ['app-info'] });
  };
  const onError = (e: unknown) =>
    setMessage({ ok: false, text: e instanceof ApiError ? (e.payload.fields?.[0]?.message ?? e.payload.message)[language] : String(e) });

  const checked = draft ? printerInput.safeParse(draft) : null;
  const fieldError = (field: string) => {
    const issue = checked && !checked.success ? checked.error.issues.find((i) => i.path[0] === field) : undefined;
    return issue && draft && (field !== 'address' || draft.address.length > 6) ? validationMessage(issueMessageKey(issue))[language] : undefined;
  };

  const save = useMutation({
    mutationFn: (d: Draft) => unwrap(api().printing.savePrinter({ id: d.id, printer: { name: d.name, interface: d.interface, address: d.address, paper: d.paper, type: d.type } })),
    onSuccess: async () => {
      setDraft(null);
      setMessage({ ok: true, text: t('printing.saved') });
      await refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api().printing.removePrinter({ id })),
    onSuccess: async () => {
      setMessage({ ok: true, text: t('printing.removed') });
      await refresh();
    },
    onError,
  });
  const setDefault = useMutation({
    mutationFn: (v: { kind: (typeof DOCUMENT_KINDS)[number]; printerId: string | null }) => unwrap(api().printing.setDefault(v)),
    onSuccess: refresh,
    onError,
  });
  const testPrint = useMutation({
    mutationFn: (printerId: string) => unwrap(api().printing.testPrint({ printerId })),
    onSuccess: async (job) => {
      setLastJob(job);
      await refresh();
    },
    onError,
  });
  const reprint = useMutation({
    mutationFn: (jobId: string) => unwrap(api().printing.reprint({ jobId })),
    onSuccess: async (job) => {
      setLastJob(job);
      await refresh();
    },
    onError,
  });

  const printers = state.data?.printers ?? [];
  return (
    <Stack gap="md" data-testid="printers-panel">
      <Title order={2} size="h4">
        {t('printing.panelTitle')}
      </Title>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role="status">
          {message.text}
        </Alert>
      )}
      {lastJob && <PrintJobNotice job={lastJob} onChange={setLastJob} />}

      {printers.length === 0 ? (
        <Text c="dimmed">{t('printing.none')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('printing.name')}</Table.Th>
              <Table.Th>{t('printing.interface')}</Table.Th>
              <Table.Th>{t('printing.address')}</Table.Th>
              <Table.Th>{t('printing.paper')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {printers.map((p) => (
              <Table.Tr key={p.id} data-testid="printer-row">
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{t(`printing.interfaces.${p.interface}`)}</Table.Td>
                <Table.Td>
                  <span className="ltr-value">{p.address}</span>
                </Table.Td>
                <Table.Td>{t(`printing.papers.${p.paper}`)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button data-testid="printer-test" size="xs" onClick={() => testPrint.mutate(p.id)} loading={testPrint.isPending && testPrint.variables === p.id}>
                      {t('printing.testPrint')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setDraft({ id: p.id, name: p.name, interface: p.interface, address: p.address, paper: p.paper, type: p.type })}>
                      {t('printing.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(p.id)}>
                      {t('printing.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {draft ? (
        <Stack gap="sm" data-testid="printer-form">
          <Columns cols={2}>
            <TextInput data-testid="printer-name" label={t('printing.name')} value={draft.name} required onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={fieldError('name')} />
            <NativeSelect
              data-testid="printer-interface"
              label={t('printing.interface')}
              value={draft.interface}
              data={PRINTER_INTERFACES.map((v) => ({ value: v, label: t(`printing.interfaces.${v}`) }))}
              onChange={(e) => {
                const next = e.currentTarget.value as Draft['interface'];
                setDraft({ ...draft, interface: next, paper: next === 'os' ? 'A4' : '80mm', address: next === 'tcp' ? 'tcp://' : '' });
              }}
            />
            <TextInput
              data-testid="printer-address"
              label={t('printing.address')}
              description={t(`printing.addressHint.${draft.interface}`)}
              dir="ltr"
              value={draft.address}
              onChange={(e) => setDraft({ ...draft, address: e.currentTarget.value })}
              error={fieldError('address')}
            />
            <NativeSelect
              data-testid="printer-paper"
              label={t('printing.paper')}
              value={draft.paper}
              data={PAPERS.filter((p) => (draft.interface === 'os' ? p.startsWith('A') : !p.startsWith('A'))).map((v) => ({ value: v, label: t(`printing.papers.${v}`) }))}
              onChange={(e) => setDraft({ ...draft, paper: e.currentTarget.value as Draft['paper'] })}
              error={fieldError('paper')}
            />
            {draft.interface !== 'os' && (
              <NativeSelect
                label={t('printing.type')}
                value={draft.type}
                data={THERMAL_TYPES.map((v) => ({ value: v, label: t(`printing.types.${v}`) }))}
                onChange={(e) => setDraft({ ...draft, type: e.currentTarget.value as Draft['type'] })}
              />
            )}
          </Columns>
          <Group>
            <Button data-testid="printer-save" onClick={() => save.mutate(draft)} disabled={!checked?.success} loading={save.isPending}>
              {t('printing.save')}
            </Button>
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('printing.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button data-testid="printer-add" onClick={() => setDraft(EMPTY)}>{t('printing.add')}</Button>
        </Group>
      )}

      {printers.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('printing.defaults')}
          </Title>
          <Columns cols={2}>
            {DOCUMENT_KINDS.filter((k) => k !== 'test-page').map((kind) => (
              <NativeSelect
                key={kind}
                data-testid={`printer-default-${kind}`}
                label={t(`printing.kinds.${kind}`)}
                value={state.data?.defaults[kind] ?? ''}
                data={[{ value: '', label: t('printing.noDefault') }, ...printers.map((p) => ({ value: p.id, label: p.name }))]}
                onChange={(e) => setDefault.mutate({ kind, printerId: e.currentTarget.value || null })}
              />
            ))}
          </Columns>
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('printing.jobs')}
        </Title>
        {(jobs.data ?? []).length === 0 && <Text c="dimmed">{t('printing.noJobs')}</Text>}
        {(jobs.data ?? []).map((job) => (
          <Group key={job.id} gap="xs" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <PrintJobNotice job={job} />
            </div>
            {job.status === 'printed' && (
              <Button size="xs" variant="default" onClick={() => reprint.mutate(job.id)}>
                {t('printing.reprint')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
