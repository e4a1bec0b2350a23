/**
 * What the page LOOKS like, not what pdftotext reads back: a left-to-right run (a masked ID, a
 * reference) inside an Arabic paragraph must be drawn with exactly the same ink as the run alone,
 * not mirrored. The page is rasterised with pdftoppm to PGM and the run alone is searched for, as a
 * picture, inside the paragraph line. The same run drawn reversed must NOT be found there, so the
 * test tells the two apart (a reviewer once read "7897•••••1" off a screenshot of a correct page:
 * in right-to-left reading the eye meets the last digits first).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../shared/printing/document-model';
import { renderPdf } from '../../main/printing/pdf-renderer';
import { makeTempDir } from '../support/temp-dir';

const { dir } = makeTempDir();

interface Gray {
  width: number;
  height: number;
  ink: Uint8Array; // 1 where the pixel is dark
}

/** Binary PGM (P5) as written by pdftoppm -gray: header, then one byte per pixel. */
function readPgm(file: string): Gray {
  const bytes = readFileSync(file);
  const header = bytes.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [, w, h] = header.map(Number) as [number, number, number];
  const pixels = bytes.subarray(header[0].length);
  const ink = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) ink[i] = pixels[i]! < 128 ? 1 : 0;
  return { width: w, height: h, ink };
}

/** Rows with any ink, grouped into the text lines of the page, top to bottom. */
function inkBands(page: Gray): Array<{ top: number; bottom: number }> {
  const bands: Array<{ top: number; bottom: number }> = [];
  let start = -1;
  for (let y = 0; y <= page.height; y++) {
    let any = false;
    for (let x = 0; y < page.height && x < page.width && !any; x++) any = page.ink[y * page.width + x] === 1;
    if (any && start < 0) start = y;
    if (!any && start >= 0) {
      // A dot under or over a letter can sit a few pixels off its line: same line.
      const last = bands.at(-1);
      if (last && start - last.bottom <= 6) last.bottom = y - 1;
      else bands.push({ top: start, bottom: y - 1 });
      start = -1;
    }
  }
  return bands;
}

/** The inked box of one band, cut out as its own picture. */
function cutBand(page: Gray, band: { top: number; bottom: number }): Gray {
  let left = page.width;
  let right = -1;
  for (let y = band.top; y <= band.bottom; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.ink[y * page.width + x]) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  const width = right - left + 1;
  const height = band.bottom - band.top + 1;
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) ink.set(page.ink.subarray((band.top + y) * page.width + left, (band.top + y) * page.width + right + 1), y * width);
  return { width, height, ink };
}

/** The smallest share of the template's pixels that differ, over every place it could sit in `line`. */
function bestMismatch(line: Gray, template: Gray): number {
  let inkCount = 0;
  for (const v of template.ink) inkCount += v;
  let best = Infinity;
  for (let dy = -2; dy <= line.height - template.height + 2; dy++) {
    for (let dx = 0; dx <= line.width - template.width; dx++) {
      let diff = 0;
      for (let y = 0; y < template.height && diff < best; y++) {
        const ly = y + dy;
        for (let x = 0; x < template.width; x++) {
          const l = ly >= 0 && ly < line.height ? line.ink[ly * line.width + x + dx]! : 0;
          if (l !== template.ink[y * template.width + x]) diff++;
        }
      }
      best = Math.min(best, diff);
    }
  }
  return best / inkCount;
}

async function rasterise(model: DocumentModel, name: string): Promise<Gray> {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(model, { paper: 'A4', author: 'test', createdAt: new Date(0) }));
  execFileSync('pdftoppm', ['-gray', '-r', '200', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, name)]);
  return readPgm(join(dir, `${name}.pgm`));
}

const LRI = '\u2066';
const PDI = '\u2069';

describe('left-to-right runs inside Arabic lines, as drawn', () => {
  it.each([
    ['a masked ID', '1•••••7897', '7897•••••1'],
    ['a request reference', 'R-1448-K01-000123', '321000-10K-8441-R'],
  ])('%s looks the same inside a paragraph as on its own, and not reversed', async (_label, run, reversed) => {
    const model: DocumentModel = {
      kind: 'declaration',
      title: 'ink',
      blocks: [
        { type: 'text', text: `${LRI}${run}${PDI}`, size: 'large', align: 'start' },
        { type: 'text', text: `${LRI}${reversed}${PDI}`, size: 'large', align: 'start' },
        { type: 'text', text: `أقر أنا، هويتي رقم ${LRI}${run}${PDI}، بأن البيانات صحيحة`, size: 'large', align: 'start' },
      ],
    } as DocumentModel;
    const page = await rasterise(model, run.replace(/\W/g, '') || 'id');
    const bands = inkBands(page);
    expect(bands).toHaveLength(3);
    const [alone, mirrored, paragraph] = bands.map((b) => cutBand(page, b)) as [Gray, Gray, Gray];
    const same = bestMismatch(paragraph, alone);
    const reversedMatch = bestMismatch(paragraph, mirrored);
    // Anti-aliasing at another fractional x moves edge pixels (measured 5–9 %); a reversed run
    // differs in most of its ink (measured 70–100 %).
    expect(same).toBeLessThan(0.2);
    expect(reversedMatch).toBeGreaterThan(0.4);
  });
});
