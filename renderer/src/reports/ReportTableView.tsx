/** A report as a table with its totals row and summary figures, and its CSV export. */
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RangeInput, ReportTable } from '../../../shared/reports/schemas';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { downloadText } from '../calls/download-text';
import type { useExportProtection } from '../encryption/use-export-protection';
import { ReportChart } from './ReportChart';
import { numberFormat } from '../../../shared/text/format-number';

export function ReportTableView({ table, range, exporter }: { table: ReportTable; range: RangeInput; exporter?: ReturnType<typeof useExportProtection> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nf = numberFormat(language);
  const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : nf.format(v));
  const csv = useMutation({
    mutationFn: async () => {
      const f = await unwrap(api().reports.exportCsv({ range, report: table.id, language }));
      // The screen's password choice applies to every export on it.
      if (exporter) await exporter.deliver({ fileName: f.fileName, text: f.csv, mime: 'text/csv;charset=utf-8' });
      else downloadText(f.fileName, f.csv);
    },
  });
  const headingId = `report-${table.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`report-${table.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} id={headingId}>
            {table.title[language]}
          </Title>
          <Button variant="default" size="xs" onClick={() => (!exporter || exporter.ready()) && csv.mutate()} loading={csv.isPending} data-testid={`csv-${table.id}`}>
            {t('reports.exportCsv')}
          </Button>
        </Group>
        <div className="report-body">
          <Table striped withTableBorder className="report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.item')}</Table.Th>
                {table.columns.map((c) => (
                  <Table.Th scope="col" key={c.key}>
                    {c.label[language]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row">{r.label[language]}</Table.Th>
                  {r.values.map((v, i) => (
                    <Table.Td key={i}>{show(v)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {table.total && (
              <Table.Tfoot>
                <Table.Tr className="report-total">
                  <Table.Th scope="row">{t('reports.total')}</Table.Th>
                  {table.total.map((v, i) => (
                    <Table.Td key={i}>{show(v)}</Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
          <ReportChart table={table} />
        </div>
        {table.summary.length > 0 && (
          <Group gap="lg">
            {table.summary.map((s) => (
              <Text size="sm" key={s.key} data-testid={`summary-${table.id}-${s.key}`}>
                {s.label[language]}: <b>{show(s.value)}</b>
              </Text>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
