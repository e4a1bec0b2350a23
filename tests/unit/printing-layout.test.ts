/**
 * Pure rules of printed documents: right-to-left segments in visual order, wrapping, the document
 * models (masked ID, +14 days, both calendars, reprint marking), and ESC/POS raster bytes equal to
 * node-thermal-printer's own.
 */
import { describe, expect, it } from 'vitest';
import { ltr } from '../../shared/printing/document-model';
import { visualSegments } from '../../main/printing/bidi-runs';
import { wrapText } from '../../shared/printing/wrap-text';
import { buildDocument } from '../../shared/printing/documents/index';
import { earliestDecisionDate } from '../../shared/printing/paper-dates';
import { encodeRaster, encodeRasterWithLibrary, BAND_ROWS } from '../../main/printing/escpos-raster';
import { renderRaster } from '../../main/printing/raster-renderer';
import type { Block } from '../../shared/printing/document-model';
import { sampleRequests } from '../integration/printing-support/fixtures';

const texts = (line: string) => visualSegments(line).map((s) => (s.kind === 'space' ? ' ' : s.text));

describe('visual segments for pdfkit', () => {
  it('orders Arabic words right to left, each word passed in logical order for shaping', () => {
    expect(texts('سلة غذائية شهرية')).toEqual(['شهرية', ' ', 'غذائية', ' ', 'سلة']);
  });

  it('mirrors brackets in right-to-left runs', () => {
    expect(texts('سلة (شهرية)')).toEqual(['(', 'شهرية', ')', ' ', 'سلة']);
  });

  it('keeps a left-to-right reference and an isolated masked ID whole and in order', () => {
    expect(texts('رقم الطلب R-1448-K01-000123')).toEqual(['R-1448-K01-000123', ' ', 'الطلب', ' ', 'رقم']);
    expect(texts('الهوية \u20661•••••7890\u2069')).toEqual(['1•••••7890', ' ', 'الهوية']);
    // Without the isolate the bidi algorithm turns the bullets right-to-left: why we isolate IDs.
    expect(texts('الهوية 1•••••7890')).not.toContain('1•••••7890');
  });

  it('keeps a letter reference that starts with an Arabic letter in its written order', () => {
    const segments = texts(`الخطاب ${ltr('و-1448-K01-000001')}`);
    const visual = segments.join('');
    // Left to right on paper: و then -1448-K01-000001, never 1448-و…
    expect(visual.indexOf('و')).toBeLessThan(visual.indexOf('1448'));
    expect(visual).toContain('-1448-K01-000001');
  });

  it('passes Arabic-Indic digits one by one, left to right (the font engine would reverse a run)', () => {
    expect(texts('رقم ١٢٣')).toEqual(['١', '٢', '٣', ' ', 'رقم']);
  });

  it('puts punctuation after an Arabic word on its left, alone', () => {
    expect(texts('المستفيد:')).toEqual([':', 'المستفيد']);
  });
});

describe('wrapping', () => {
  const measure = (s: string) => s.length;
  it('wraps on spaces and cuts a word longer than the line', () => {
    expect(wrapText('aaa bbb ccc', 7, measure)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('document models', () => {
  const requests = sampleRequests();
  const allText = (blocks: Block[]) => JSON.stringify(blocks);

  it('request receipt: masked ID, never the full number; decision date 14 days later in both calendars', () => {
    const model = buildDocument(requests['request-receipt']);
    const text = allText(model.blocks);
    expect(text).toContain('1•••••7897');
    expect(text).not.toContain('1234567897');
    expect(earliestDecisionDate(new Date('2026-11-29T08:30:00+03:00')).toISOString()).toBe('2026-12-13T05:30:00.000Z');
    expect(text).toContain('13 ديسمبر 2026 م');
    expect(text).toContain('4 رجب 1448 هـ');
    expect(model.blocks.some((b) => b.type === 'qr' && b.data === 'R-1448-K01-000123')).toBe(true);
  });

  it('declaration: template filled, seal hash as text and QR, signature image or a blank line', () => {
    const declaration = requests.declaration;
    const model = buildDocument(declaration);
    expect(allText(model.blocks)).not.toMatch(/\{(name|id|reference|service)\}/);
    expect(model.blocks.some((b) => b.type === 'qr' && b.data.startsWith('9f2c4e6a'))).toBe(true);
    const signature = model.blocks.find((b) => b.type === 'signature');
    expect(signature && signature.type === 'signature' && signature.png).toBeTruthy();
  });

  it('a reprint carries "نسخة" with the reprint time; the original does not', () => {
    const copy = buildDocument(requests['queue-ticket'], { reprintedAt: new Date('2026-11-30T10:15:00+03:00') });
    const mark = copy.blocks.find((b) => b.type === 'copy-mark');
    expect(mark).toMatchObject({ text: 'نسخة' });
    expect(mark && mark.type === 'copy-mark' && mark.detail).toContain('10:15');
    expect(buildDocument(requests['queue-ticket']).blocks.some((b) => b.type === 'copy-mark')).toBe(false);
  });
});

describe('ESC/POS raster', () => {
  it('gives the same bytes as node-thermal-printer, for Epson and Star, band by band', async () => {
    const image = await renderRaster(buildDocument(sampleRequests()['letter-receipt']), 576);
    expect(image.height).toBeGreaterThan(BAND_ROWS); // several bands
    for (const type of ['epson', 'star'] as const) {
      expect(encodeRaster(image, type).equals(encodeRasterWithLibrary(image, type))).toBe(true);
    }
  });
});
