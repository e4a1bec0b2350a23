/**
 * Words with tashkeel (tanween, shadda, harakat, several marks on one letter, a mark on a word's
 * first or last letter) drawn by main/printing/pdf-mark-text.ts:
 * - LOOK the same as pdfkit's own text() draws them: both pages are rasterised with pdftoppm and
 *   their ink compared; the same words drawn without their marks must differ clearly, so the
 *   comparison does see marks;
 * - READ back from pdftotext as written, each mark right after its letter, and the words in order.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../shared/printing/document-model';
import { drawRunWithMarks } from '../../main/printing/pdf-mark-text';
import { renderPdf } from '../../main/printing/pdf-renderer';
import { loadPrintFonts, parsedFont } from '../../main/printing/print-fonts';
import { makeTempDir } from '../support/temp-dir';

const WORDS = ['حفاظاً', 'وتقديرًا', 'مُحَمَّد', 'شدّة', 'إنْ', 'شاءَ', 'اللهُ', 'عِلْمٌ', 'مَسْؤُولِيَّة', 'بِ'];
const MARKS = /[\u064B-\u065F\u0670]/g;
const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

type Draw = (doc: InstanceType<typeof PDFDocument>, word: string, x: number, y: number) => void;

/** One word a row, at 18 pt, each drawn by `draw`; returns the PDF's path. */
async function page(name: string, draw: Draw, words = WORDS): Promise<string> {
  const fonts = loadPrintFonts();
  const doc = new PDFDocument({ size: 'A5', margin: 0, font: '' } as unknown as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', parsedFont(fonts.regular) as unknown as Buffer);
  doc.font('regular').fontSize(18);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  words.forEach((word, i) => draw(doc, word, 150, 30 + i * 45));
  doc.end();
  await done;
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

interface Ink {
  width: number;
  dots: Uint8Array; // 1 where the pixel is dark
}

/** The page as 1-bit ink at 300 dpi. */
function ink(file: string): Ink {
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-singlefile', file, file]);
  const bytes = readFileSync(`${file}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 32).toString('latin1'))!;
  return { width: Number(header[1]), dots: Uint8Array.from(bytes.subarray(header[0].length), (v) => (v < 128 ? 1 : 0)) };
}

/**
 * Dots inked on one page with no inked dot within one pixel on the other (both ways), as a share
 * of all inked dots: outlines and glyphs are rasterised a hair apart (glyphs snap to the pixel
 * grid), so an edge may move by a pixel; a mark that is missing or misplaced shows whole.
 */
function mismatch(a: Ink, b: Ink): number {
  const near = (page: Ink, i: number) => {
    for (const dy of [-page.width, 0, page.width]) for (const dx of [-1, 0, 1]) if (page.dots[i + dy + dx]) return true;
    return false;
  };
  let diff = 0;
  let total = 0;
  for (let i = a.width + 1; i < a.dots.length - a.width - 1; i++) {
    if (a.dots[i]) total++;
    if ((a.dots[i] && !near(b, i)) || (b.dots[i] && !near(a, i))) diff++;
  }
  return diff / total;
}

const pdfkitText: Draw = (doc, word, x, y) => doc.text(word, x, y, { lineBreak: false });

describe('words with tashkeel in a PDF', () => {
  it('look as pdfkit draws them', async () => {
    const reference = ink(await page('pdfkit', pdfkitText));
    const ours = ink(await page('ours', drawRunWithMarks));
    const bare = ink(await page('bare', pdfkitText, WORDS.map((w) => w.replace(MARKS, ''))));
    const same = mismatch(reference, ours);
    const withoutMarks = mismatch(reference, bare);
    expect(same).toBeLessThan(0.001);
    expect(withoutMarks).toBeGreaterThan(0.03);
  });

  it('read back from pdftotext as written, in order, on one line and one a line', async () => {
    const blocks: Block[] = [{ type: 'text', text: WORDS.join(' '), size: 'normal', align: 'start' }, ...WORDS.map((text): Block => ({ type: 'text', text, size: 'large', align: 'center' }))];
    const file = join(dir, 'read.pdf');
    writeFileSync(file, await renderPdf({ kind: 'declaration', title: 'تشكيل', blocks } as DocumentModel, { paper: 'A5', author: 'test', createdAt: new Date(0) }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
    // Marks on one letter may come in either canonical-equivalent order: compare in NFC.
    const read = text.replace(/[\u200E\u200F\u202A-\u202E]/g, '').split(/\s+/).filter(Boolean).map((w) => w.normalize('NFC'));
    const written = WORDS.map((w) => w.normalize('NFC'));
    expect(read).toEqual([...written, ...written]);
  });
});
