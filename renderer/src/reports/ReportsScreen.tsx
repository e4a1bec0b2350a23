/**
 * Reports for any range of days (Gregorian or Hijri), one counter or all: every table with its
 * totals and chart, exports to CSV (per table), Excel and a printable A4 PDF.
 */
import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { CALENDARS, type RangeInput } from '../../../shared/reports/schemas';
import { CounterSelect } from './DashboardScreen';
import { ReportTableView } from './ReportTableView';
import { useExportProtection } from '../encryption/use-export-protection';

/** A left-to-right value (a date) kept whole inside Arabic text. */
const isolate = (value: string) => `\u2066${value}\u2069`;

/** The first day of this month to today, in Riyadh. */
function defaultRange(): { from: string; to: string } {
  const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export function ReportsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, setForm] = useState({ calendar: 'gregorian' as (typeof CALENDARS)[number], ...defaultRange(), counterId: '' });
  const [range, setRange] = useState<RangeInput | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const run = useQuery({
    queryKey: ['reports', 'run', range],
    queryFn: () => unwrap(api().reports.run({ range: range! })),
    enabled: range !== null,
    retry: false,
  });
  const fieldError = (path: string) => {
    const e = run.error instanceof ApiError ? run.error.payload.fields?.find((f) => f.path === `range.${path}`) : undefined;
    return e ? e.message[language] : undefined;
  };
  // Reports hold counts, not people: the password is offered, not preset.
  const protection = useExportProtection(false, 'report-export');
  const file = useMutation({
    mutationFn: async (kind: 'xlsx' | 'pdf') => {
      const f = await unwrap(kind === 'xlsx' ? api().reports.exportXlsx({ range: range!, language }) : api().reports.exportPdf({ range: range!, language }));
      return protection.deliver(f);
    },
    onSuccess: (name) => setExported(name),
  });
  const submit = () => {
    setExported(null);
    setRange({ calendar: form.calendar, from: form.from, to: form.to, counterId: form.counterId || null });
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('reports.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Group align="end" gap="sm">
          <NativeSelect
            label={t('reports.calendar')}
            value={form.calendar}
            onChange={(e) => setForm({ ...form, calendar: e.currentTarget.value as 'gregorian' })}
            data={CALENDARS.map((c) => ({ value: c, label: t(`reports.calendars.${c}`) }))}
            data-testid="report-calendar"
          />
          <TextInput label={t('reports.from')} description={t('reports.dateHint')} dir="ltr" value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} error={fieldError('from')} data-testid="report-from" />
          <TextInput label={t('reports.to')} description={t('reports.dateHint')} dir="ltr" value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} error={fieldError('to')} data-testid="report-to" />
          <CounterSelect value={form.counterId} onChange={(v) => setForm({ ...form, counterId: v })} testId="report-counter" />
          <Button type="submit" loading={run.isFetching} data-testid="report-run">
            {t('reports.run')}
          </Button>
        </Group>
      </form>
      {run.error && <Text c="red.9" role="alert">{run.error instanceof ApiError && run.error.payload.fields?.length ? t('reports.fixFields') : run.error instanceof ApiError ? run.error.payload.message[language] : String(run.error)}</Text>}
      {!range && <Text c="dimmed">{t('reports.empty')}</Text>}
      {run.data && range && (
        <Stack gap="md">
          <Group justify="space-between">
            <Text fw={600} data-testid="report-period">
              {t('reports.period', { from: isolate(run.data.range.from), to: isolate(run.data.range.to) })}
            </Text>
            <Group>
              {exported && <Text size="sm" role="status">{t('reports.exported', { name: exported })}</Text>}
              <Button variant="default" onClick={() => protection.ready() && file.mutate('xlsx')} loading={file.isPending && file.variables === 'xlsx'} data-testid="report-xlsx">
                {t('reports.exportXlsx')}
              </Button>
              <Button variant="default" onClick={() => protection.ready() && file.mutate('pdf')} loading={file.isPending && file.variables === 'pdf'} data-testid="report-pdf">
                {t('reports.exportPdf')}
              </Button>
            </Group>
          </Group>
          {protection.controls}
          {run.data.tables.map((table) => (
            <ReportTableView key={table.id} table={table} range={range} exporter={protection} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
