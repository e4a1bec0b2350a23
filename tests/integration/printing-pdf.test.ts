/**
 * Every document as a PDF: the text pdftotext extracts is the logical Arabic (right words, right
 * order, numbers and references intact), the metadata says Arabic with a title and author, and a
 * rendered page of each goes to tests/artifacts to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRequest } from '../../shared/printing/document-kinds';
import { buildDocument } from '../../shared/printing/documents/index';
import { renderPdf, type PdfPaper } from '../../main/printing/pdf-renderer';
import { makeTempDir } from '../support/temp-dir';
import { ORG, PERSON, REFERENCE, SEAL, sampleRequests } from './printing-support/fixtures';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const { dir } = makeTempDir();

/** pdftotext marks direction with invisible controls; the assertions look at the letters. */
const clean = (s: string) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
/**
 * poppler puts the space between a number and an Arabic word on the wrong side of the number
 * (" 29نوفمبر"); the order of every letter and digit is still checked, spaces are not.
 */
const squash = (s: string) => s.replace(/\s+/g, '');
function expectText(text: string, expected: string) {
  expect(squash(text)).toContain(squash(expected));
}

async function pdfOf(request: DocumentRequest, paper: PdfPaper, reprintedAt?: Date) {
  const pdf = await renderPdf(buildDocument(request, { reprintedAt }), { paper, author: ORG.name, createdAt: new Date('2026-11-29T06:00:00Z') });
  const name = `printing-pdf-${request.kind}${reprintedAt ? '-copy' : ''}`;
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = clean(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
  const layout = clean(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8'));
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, name)]);
  return { pdf, text, layout, info };
}

const requests = sampleRequests();

describe('PDF documents in Arabic', () => {
  it.each(Object.values(requests).map((r) => [r.kind, r] as const))('%s: logical Arabic text, metadata and a rendered page', async (_kind, request) => {
    const paper: PdfPaper = request.kind === 'declaration' ? 'A4' : 'A5';
    const { pdf, text, info } = await pdfOf(request, paper);
    expectText(text, 'جمعية خزام التعاونية متعددة الأغراض');
    expectText(text, 'ترخيص رقم 334');
    expect(info).toMatch(/Author:\s+جمعية خزام/);
    expect(info).toMatch(/Title:\s+\S/);
    expect(info).toMatch(paper === 'A4' ? /Page size:\s+595.2\d x 841.8\d pts/ : /Page size:\s+419.5\d x 595.2\d pts/);
    expect(pdf.toString('latin1')).toContain('/Lang (ar)');
    expect(pdf.toString('latin1')).toContain('/FontFile2'); // the font is embedded
    expect(pdf.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>'); // declared PDF/A-2b (not validated here: no veraPDF)
  });

  it('request receipt: name, masked ID, reference, dates in both calendars, +14 days, in reading order', async () => {
    const { text, layout } = await pdfOf(requests['request-receipt'], 'A5');
    expectText(text, 'إيصال استلام طلب');
    expectText(text, REFERENCE);
    expectText(text, PERSON.name);
    expectText(text, '1•••••7897');
    expect(text).not.toContain(PERSON.idNumber);
    expectText(text, '29 نوفمبر 2026 م');
    expectText(text, '19 جمادى الآخرة 1448 هـ');
    expectText(text, '13 ديسمبر 2026 م'); // 29 Nov + 14 days
    expectText(text, '4 رجب 1448 هـ');
    expectText(text, 'أقرب موعد لقرار اللجنة');
    expectText(text, 'نورة القحطاني');
    expectText(text, 'ولا يصدر قرار قبل مرور 14'); // a sentence keeps its word order up to a number
    // Label on the right, value to its left: in -layout text the value comes first on the line.
    const line = layout.split('\n').find((l) => l.includes('المستفيد:'))!;
    expect(line.indexOf(PERSON.name)).toBeGreaterThanOrEqual(0);
    expect(line.indexOf(PERSON.name)).toBeLessThan(line.indexOf('المستفيد:'));
  });

  it('declaration: versioned text filled in, summary, seal hash, signature, on A4', async () => {
    const { text } = await pdfOf(requests.declaration, 'A4');
    expectText(text, 'إقرار وتعهد');
    // poppler glues punctuation that follows a number onto the number ("،1•••••7897"), so the
    // sentence is checked in the pieces between numbers.
    expectText(text, `أقر أنا ${PERSON.name}`);
    expectText(text, 'هويتي رقم');
    expectText(text, '1•••••7897');
    expectText(text, 'بأن جميع البيانات والمستندات التي قدمتها في الطلب');
    expectText(text, `في الطلب رقم ${REFERENCE} لخدمة`);
    expectText(text, 'عدد أفراد الأسرة');
    expectText(text, '3,500 ريال');
    expectText(text, '+966501234567');
    expectText(text, SEAL);
    expectText(text, 'الإصدار 1.0');
    expectText(text, 'توقيع مقدم الطلب');
  });

  it('a reprint says "نسخة" and when it was printed', async () => {
    const { text } = await pdfOf(requests['request-receipt'], 'A5', new Date('2026-11-30T10:15:00+03:00'));
    expectText(text, 'نسخة');
    expectText(text, 'أعيدت طباعتها في 30 نوفمبر 2026 م الساعة 10:15');
  });

  it('test page: brackets, Western and Arabic-Indic digits each in reading order', async () => {
    const { text } = await pdfOf(requests['test-page'], 'A5');
    expectText(text, '0123456789');
    expectText(text, '٠١٢٣٤٥٦٧٨٩');
    expectText(text, 'Latin text: Istiqbal printer test');
  });

  it('letter, ticket and delivery receipts carry their own facts', async () => {
    const letter = await pdfOf(requests['letter-receipt'], 'A5');
    expectText(letter.text, 'L-1448-K01-000045');
    expectText(letter.text, 'إمارة منطقة الرياض');
    const ticket = await pdfOf(requests['queue-ticket'], 'A5');
    expectText(ticket.text, 'A-042');
    expectText(ticket.text, 'عدد المنتظرين قبلك');
    const delivery = await pdfOf(requests['delivery-receipt'], 'A5');
    expectText(delivery.text, 'بطانية شتوية — 2');
    expectText(delivery.text, 'توقيع المستلم');
  });

  it('a long declaration breaks onto a second page with nothing lost', async () => {
    const base = requests.declaration as Extract<DocumentRequest, { kind: 'declaration' }>;
    const paragraphs = Array.from({ length: 14 }, (_, i) => `البند رقم ${i + 1} ${base.data.declaration.paragraphs[1]}`);
    const long: DocumentRequest = { kind: 'declaration', data: { ...base.data, signaturePng: null, declaration: { ...base.data.declaration, paragraphs } } };
    const pdf = await renderPdf(buildDocument(long), { paper: 'A4', author: ORG.name });
    const file = join(dir, 'long.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+2/);
    const text = clean(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
    for (let i = 1; i <= 14; i++) expectText(text, `البند رقم ${i} وأتعهد`);
    expectText(text, SEAL);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', file, join(ARTIFACTS, 'printing-pdf-declaration-page2')]);
  });
});
