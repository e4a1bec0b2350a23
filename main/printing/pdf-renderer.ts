/**
 * A document model drawn as a PDF with pdfkit: Cairo embedded, language Arabic, title and author
 * set, every line laid out right to left through `visualSegments`, our own wrapping and page breaks.
 */
import PDFDocument from 'pdfkit';
import type { Block, DocumentModel, TextSize } from '../../shared/printing/document-model';
import { wrapText } from '../../shared/printing/wrap-text';
import { visualSegments } from './bidi-runs';
import { loadPrintFonts, parsedFont, type PrintFonts } from './print-fonts';
import { qrMatrix } from './qr-matrix';
import { ARABIC_MARK, drawRunWithMarks } from './pdf-mark-text';

export type PdfPaper = 'A4' | 'A5';

export interface PdfOptions {
  paper: PdfPaper;
  author: string;
  fonts?: PrintFonts;
  /** Fixed creation date, so the same job gives the same bytes (tests, reprints). */
  createdAt?: Date;
}

const PAPER = {
  A4: { width: 595.28, height: 841.89, margin: 50, scale: 1 },
  A5: { width: 419.53, height: 595.28, margin: 32, scale: 0.82 },
} as const;

const SIZES: Record<TextSize, number> = { small: 8.5, normal: 11, large: 15, huge: 30 };
const INVISIBLE = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

type Doc = InstanceType<typeof PDFDocument>;

class PdfLayout {
  y: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;

  constructor(
    readonly doc: Doc,
    readonly paper: (typeof PAPER)[PdfPaper],
  ) {
    this.top = paper.margin;
    this.y = paper.margin;
    this.left = paper.margin;
    this.right = paper.width - paper.margin;
    this.bottom = paper.height - paper.margin;
  }

  get width(): number {
    return this.right - this.left;
  }

  size(s: TextSize): number {
    return SIZES[s] * this.paper.scale;
  }

  font(bold: boolean, size: number): void {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  measure = (text: string): number => this.doc.widthOfString(text.replace(INVISIBLE, ''));

  /** Starts a new page when `height` does not fit in what is left of this one. */
  ensure(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = this.top;
  }

  /** Draws one line right to left; `anchor` is where its right edge (or its centre) goes. */
  line(text: string, anchor: number, align: 'right' | 'center'): void {
    const segments = visualSegments(text);
    const space = this.doc.widthOfString(' ');
    const widths = segments.map((s) => (s.kind === 'space' ? space : this.doc.widthOfString(s.text)));
    const total = widths.reduce((a, b) => a + b, 0);
    let x = align === 'right' ? anchor - total : anchor - total / 2;
    segments.forEach((s, i) => {
      if (s.kind === 'text') {
        // A run with tashkeel: drawn so that text extraction keeps each mark with its letter.
        if (ARABIC_MARK.test(s.text)) drawRunWithMarks(this.doc, s.text, x, this.y);
        else this.doc.text(s.text, x, this.y, { lineBreak: false });
      }
      x += widths[i]!;
    });
  }

  /** Wrapped text in [from, to] (x), right-aligned or centred; returns the height used. */
  paragraph(text: string, size: number, bold: boolean, from: number, to: number, align: 'right' | 'center'): void {
    this.font(bold, size);
    const lineHeight = size * 1.75;
    for (const line of wrapText(text, to - from, this.measure)) {
      this.ensure(lineHeight);
      this.line(line, align === 'right' ? to : (from + to) / 2, align);
      this.y += lineHeight;
    }
  }
}

function drawQr(layout: PdfLayout, data: string, side: number): void {
  const m = qrMatrix(data);
  const cell = side / m.size;
  const x0 = (layout.left + layout.right) / 2 - side / 2;
  layout.ensure(side + 4);
  const doc = layout.doc;
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c)) doc.rect(x0 + c * cell, layout.y + r * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  layout.y += side + 4;
}

function drawBlock(layout: PdfLayout, block: Block): void {
  const doc = layout.doc;
  const s = layout.paper.scale;
  const centre = (layout.left + layout.right) / 2;
  switch (block.type) {
    case 'header': {
      if (block.logoPng) {
        const side = 56 * s;
        doc.image(Buffer.from(block.logoPng, 'base64'), centre - side / 2, layout.y, { fit: [side, side], align: 'center' });
        layout.y += side + 4;
      }
      layout.paragraph(block.name, 16 * s, true, layout.left, layout.right, 'center');
      layout.paragraph(block.licenceLine, layout.size('small'), false, layout.left, layout.right, 'center');
      return;
    }
    case 'title':
      layout.y += 4 * s;
      layout.paragraph(block.text, 15 * s, true, layout.left, layout.right, 'center');
      return;
    case 'copy-mark': {
      const h = 46 * s;
      layout.ensure(h + 6);
      doc.lineWidth(1.5).rect(centre - 110 * s, layout.y, 220 * s, h).stroke();
      layout.y += 3 * s;
      layout.paragraph(block.text, 16 * s, true, layout.left, layout.right, 'center');
      layout.paragraph(block.detail, layout.size('small'), false, layout.left, layout.right, 'center');
      layout.y += 6 * s;
      return;
    }
    case 'text':
      layout.paragraph(block.text, layout.size(block.size), block.bold ?? false, layout.left, layout.right, block.align === 'center' ? 'center' : 'right');
      return;
    case 'field': {
      const size = layout.size('normal');
      const labelWidth = layout.width * 0.34;
      const startY = layout.y;
      layout.font(true, size);
      layout.ensure(size * 1.75);
      const pageBefore = doc.page;
      const y0 = layout.y;
      layout.line(`${block.label}:`, layout.right, 'right');
      layout.y = y0;
      layout.paragraph(block.value || '—', size, false, layout.left, layout.right - labelWidth, 'right');
      if (doc.page === pageBefore && layout.y === startY) layout.y += size * 1.75;
      return;
    }
    case 'qr':
      layout.y += 4 * s;
      drawQr(layout, block.data, (block.size === 'normal' ? 110 : 80) * s);
      if (block.caption) layout.paragraph(block.caption, layout.size('small'), false, layout.left, layout.right, 'center');
      return;
    case 'signature': {
      const size = layout.size('normal');
      const boxH = 80 * s;
      const boxW = layout.width * 0.5;
      layout.ensure(size * 1.75 + boxH + size * 2);
      layout.paragraph(`${block.label}:`, size, true, layout.left, layout.right, 'right');
      const x0 = layout.right - boxW;
      if (block.png) {
        doc.lineWidth(0.8).rect(x0, layout.y, boxW, boxH).stroke();
        doc.image(Buffer.from(block.png, 'base64'), x0 + 4, layout.y + 4, { fit: [boxW - 8, boxH - 8], align: 'center', valign: 'center' });
      } else {
        // A blank line to sign on with a pen.
        doc.lineWidth(0.8).moveTo(x0, layout.y + boxH - 6).lineTo(layout.right, layout.y + boxH - 6).stroke();
      }
      layout.y += boxH + 2;
      layout.paragraph(block.signerName, layout.size('small'), false, x0, layout.right, 'center');
      return;
    }
    case 'rule':
      layout.ensure(10);
      layout.y += 4;
      doc.lineWidth(0.6).moveTo(layout.left, layout.y).lineTo(layout.right, layout.y).stroke();
      layout.y += 6;
      return;
    case 'gap':
      layout.y += 10 * s;
      return;
  }
}

const ARABIC = /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]$/;

/**
 * Text extraction (copy, search, pdftotext) reads right-to-left lines glyph by glyph and reverses
 * them, including the characters behind one ligature glyph (لا, الله, بر…), which then come out
 * backwards ("ال"). Storing an Arabic ligature's characters in reverse in the font's ToUnicode map
 * makes the reversed reading come out in logical order. pdfkit keeps that map in `unicode` on each
 * embedded font until `end()` writes it; the pdftotext tests fail if this stops working.
 */
function fixLigatureText(doc: Doc): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { unicode?: number[][] }> })._fontFamilies ?? {};
  // One font sits under several keys (registered name and PostScript name): fix each once.
  for (const font of new Set(Object.values(families))) {
    if (!font.unicode) continue;
    font.unicode = font.unicode.map((cps) =>
      cps && cps.length > 1 && cps.every((cp) => ARABIC.test(String.fromCodePoint(cp))) ? [...cps].reverse() : cps,
    );
  }
}

export function renderPdf(model: DocumentModel, options: PdfOptions): Promise<Buffer> {
  const fonts = options.fonts ?? loadPrintFonts();
  const paper = PAPER[options.paper];
  const doc = new PDFDocument({
    size: options.paper,
    margin: paper.margin,
    // No default Helvetica (an empty name skips it): parsing its metrics costs ~3 ms a document,
    // and every line sets Cairo anyway.
    font: '',
    lang: 'ar',
    displayTitle: true,
    pdfVersion: '1.7',
    // PDF/A-2b: fonts embedded, sRGB output intent, XMP metadata — for papers the society files.
    subset: 'PDF/A-2b',
    info: {
      Title: model.title,
      Author: options.author,
      Creator: 'Istiqbal',
      Producer: 'Istiqbal (pdfkit)',
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  // pdfkit's typings only name bytes and paths; at run time it takes a parsed fontkit font too.
  doc.registerFont('regular', parsedFont(fonts.regular) as unknown as Buffer);
  doc.registerFont('bold', parsedFont(fonts.bold) as unknown as Buffer);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layout = new PdfLayout(doc, paper);
  for (const block of model.blocks) drawBlock(layout, block);
  fixLigatureText(doc);
  doc.end();
  return done;
}
