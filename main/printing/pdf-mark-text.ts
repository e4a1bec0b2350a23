/**
 * Drawing an Arabic run that carries combining marks (tanween, shadda, harakat: حفاظاً، وتقديرًا،
 * مُحَمَّد) so that text extraction keeps each mark with its letter, the page looking the same.
 *
 * The problem: pdfkit draws a mark as a glyph of its own, lifted over its letter with a new text
 * matrix (the font's mark-to-base positioning). Poppler (pdftotext, Evince, Okular) builds words
 * from glyph origins, and a glyph 0.5 pt off the baseline starts a new word: the lifted mark ends
 * on a line of its own ("ً" above "حفاظا") or inside the next word ("وتقدي ًرا").
 *
 * What we do: the letters are drawn with the same glyphs at the same positions as pdfkit's
 * `text()` would; each mark is drawn twice, at no cost to the eye:
 * - its ink, as the glyph's outline filled as a path (paths carry no text), where pdfkit puts it
 *   (rasterised within a pixel of the glyph: renderers snap glyphs, not paths, to the pixel grid);
 * - its text, as the same glyph in invisible render mode (3 Tr), on the baseline, in drawing order
 *   where pdfkit drew it (pdf.js keeps it next to its letter as before), placed just before the
 *   next glyph: sorted by position, poppler finds it between its neighbours, with gaps far below
 *   its word-space threshold, so it reads the word whole, the mark right after its letter.
 *
 * Why not ActualText (ISO 32000 14.9.4) around each run or line, as first planned: poppler 22.12
 * spreads a span's text left to right over the span's box and then applies its own visual→logical
 * reordering, so a logical Arabic ActualText comes back reversed (checked on every word of the
 * policy), and pdf.js 5 ignores ActualText in getTextContent and starts a new text item at every
 * marked-content operator, so its lines come back cut and out of order.
 *
 * Only runs with marks come here; all other text is drawn by pdfkit's own `text()`.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface GlyphPath {
  toSVG(): string;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): GlyphPath;
}

/** The parts of pdfkit's document and embedded font used here (pdfkit 0.17+, checked with 0.20). */
interface PdfkitInternals {
  _font: {
    id: string;
    ascender: number;
    font: { unitsPerEm: number };
    encode(text: string): [string[], GlyphPosition[]];
    layout(text: string): { glyphs: Array<{ path: GlyphPath }> };
    ref(): unknown;
    unicode: number[][];
  };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Combining marks (Unicode Mn) of the Arabic blocks: they sit on a letter. */
export const ARABIC_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF]/;

/** pdfkit's number formatting (PDFObject.number), so shared operators come out alike. */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * How far apart (as a share of the font size) the marks' invisible text is put before the next
 * glyph. Poppler inserts a space between two pieces of a line more than 0.03 em apart.
 */
const MARK_STEP = 0.01;

/** Draws `text` (one visual segment: an Arabic word piece) with its left edge at x, top at y. */
export function drawRunWithMarks(doc: Doc, text: string, x: number, y: number): void {
  const d = doc as unknown as PdfkitInternals;
  const font = d._font;
  const size = d._fontSize;
  const scale = size / 1000;
  const height = d.page.height;
  // pdfkit's default baseline ('top'): the text's top edge at y; text space has y upwards.
  const base = height - y - (font.ascender / 1000) * size;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const [encoded, positions] = font.encode(text);
  const { glyphs } = font.layout(text);
  const isMark = encoded.map((hex) => {
    const cps = font.unicode[parseInt(hex, 16)] ?? [];
    return cps.length > 0 && cps.every((cp) => ARABIC_MARK.test(String.fromCodePoint(cp)));
  });
  const pen: number[] = [];
  let px = x;
  for (const p of positions) {
    pen.push(px);
    px += p.xAdvance * scale;
  }
  const tj = (i: number) => `[<${encoded[i]}> ${num(-(positions[i]!.xAdvance - positions[i]!.advanceWidth))}] TJ`;
  const tm = (tx: number, ty: number) => `1 0 0 1 ${num(tx)} ${num(ty)} Tm`;

  const out = ['q', `1 0 0 -1 0 ${num(height)} cm`, 'BT', tm(x, base), `/${font.id} ${num(size)} Tf`];
  const ink: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(`[${run.join(' ')}] TJ`);
    run = [];
  };
  for (let i = 0; i < encoded.length; i++) {
    const p = positions[i]!;
    if (isMark[i]) {
      // Marks come before their letter in drawing order; a cluster of k marks takes k steps.
      let next = i + 1;
      while (next < encoded.length && isMark[next]) next++;
      const nextX = pen[next] ?? px;
      flush();
      out.push('3 Tr', tm(nextX - (next - i) * MARK_STEP * size, base), tj(i), '0 Tr');
      const k = size / font.font.unitsPerEm;
      // The outline in page space (pdfkit's, y downwards): font units scaled, y flipped.
      const gx = pen[i]! + p.xOffset * scale;
      const gy = height - (base + p.yOffset * scale);
      ink.push(glyphs[i]!.path.transform(k, 0, 0, -k, gx, gy).toSVG());
      if (next < encoded.length) out.push(tm(pen[i + 1]!, base));
    } else if (p.xOffset || p.yOffset) {
      // As pdfkit: a glyph moved by the font gets its own text matrix.
      flush();
      out.push(tm(pen[i]! + p.xOffset * scale, base + p.yOffset * scale), tj(i));
      if (i + 1 < encoded.length) out.push(tm(pen[i + 1]!, base));
    } else {
      run.push(`<${encoded[i]}> ${num(-(p.xAdvance - p.advanceWidth))}`);
    }
  }
  flush();
  out.push('ET', 'Q');
  for (const line of out) d.addContent(line);
  if (ink.length) {
    doc.save();
    for (const path of ink) doc.path(path);
    doc.fill();
    doc.restore();
  }
}
