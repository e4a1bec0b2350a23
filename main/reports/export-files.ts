/**
 * Report exports: CSV (UTF-8 with BOM, one report), XLSX (one right-to-left sheet per report, real
 * numbers in cells) and an A4 PDF through the printing domain's renderer with the society's header.
 */
import ExcelJS from 'exceljs';
import type { ReportRun, ReportTable } from '../../shared/reports/schemas';
import { RANGE_LABEL, TOTAL_LABEL } from '../../shared/reports/labels';
import { toCsv } from '../calls/csv';
import type { Block, DocumentModel } from '../../shared/printing/document-model';
import { ltr } from '../../shared/printing/document-model';
import type { OrganisationHeader } from '../../shared/printing/document-data';
import { headerBlocks } from '../../shared/printing/documents/common';
import { renderPdf } from '../printing/pdf-renderer';
import type { PrintFonts } from '../printing/print-fonts';

export type Language = 'ar' | 'en';

function cellsOf(t: ReportTable, lang: Language): { header: string[]; body: (string | number | null)[][]; footer: (string | number | null)[][] } {
  const header = ['', ...t.columns.map((c) => c.label[lang])];
  const body = t.rows.map((r) => [r.label[lang], ...r.values]);
  const footer: (string | number | null)[][] = [];
  if (t.total) footer.push([TOTAL_LABEL[lang], ...t.total]);
  for (const s of t.summary) footer.push([s.label[lang], s.value]);
  return { header, body, footer };
}

export function reportCsv(t: ReportTable, lang: Language): string {
  const { header, body, footer } = cellsOf(t, lang);
  header[0] = t.title[lang];
  return toCsv(header, [...body, ...footer]);
}

export function fileStem(run: ReportRun): string {
  return `istiqbal-report-${run.range.from}-${run.range.to}`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  while (used.has(name)) name = `${name.slice(0, 28)} ${used.size}`;
  used.add(name);
  return name;
}

export async function reportXlsx(run: ReportRun, lang: Language, createdAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Istiqbal';
  wb.created = createdAt;
  const used = new Set<string>();
  for (const t of run.tables) {
    const ws = wb.addWorksheet(sheetName(t.title[lang], used), { views: [{ rightToLeft: lang === 'ar' }] });
    const { header, body, footer } = cellsOf(t, lang);
    ws.addRow([t.title[lang]]).font = { bold: true, size: 13 };
    ws.addRow([RANGE_LABEL[lang], run.range.from, run.range.to]);
    ws.addRow([]);
    ws.addRow(header).font = { bold: true };
    for (const r of body) ws.addRow(r);
    for (const r of footer) ws.addRow(r).font = { bold: true };
    ws.getColumn(1).width = 28;
    for (let i = 2; i <= header.length; i++) ws.getColumn(i).width = 16;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const show = (v: number | null) => (v === null ? '—' : NUMBER.format(v));

/** One row of a table as a PDF line: "column value · column value …". */
function rowText(t: ReportTable, values: (number | null)[]): string {
  return t.columns.map((c, i) => `${c.label.ar} ${ltr(show(values[i] ?? null))}`).join('  ·  ');
}

export function reportModel(run: ReportRun, org: OrganisationHeader, counterName: string | null): DocumentModel {
  const blocks: Block[] = [
    ...headerBlocks(org, 'تقرير الاستقبال والخدمة', {}),
    { type: 'field', label: 'الفترة من', value: ltr(run.range.from) },
    { type: 'field', label: 'إلى', value: ltr(run.range.to) },
    { type: 'field', label: 'الكاونتر', value: counterName ?? 'جميع الكاونترات' },
  ];
  for (const t of run.tables) {
    blocks.push({ type: 'gap' }, { type: 'text', text: t.title.ar, size: 'large', bold: true, align: 'start' }, { type: 'rule' });
    for (const r of t.rows) blocks.push({ type: 'field', label: r.label.ar, value: rowText(t, r.values) });
    if (t.total) blocks.push({ type: 'field', label: TOTAL_LABEL.ar, value: rowText(t, t.total) });
    for (const s of t.summary) blocks.push({ type: 'field', label: s.label.ar, value: ltr(show(s.value)) });
  }
  return { kind: 'report', title: `تقرير ${run.range.from} – ${run.range.to}`, blocks };
}

export function reportPdf(model: DocumentModel, author: string, fonts: PrintFonts, createdAt: Date): Promise<Buffer> {
  return renderPdf(model, { paper: 'A4', author, fonts, createdAt });
}
