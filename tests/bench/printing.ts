/**
 * Printing benchmark (`npx tsx tests/bench/printing.ts [--runs N]`): figures, not pass/fail.
 * - font loading on first use (cold: read the TTFs, first PDF, first canvas raster);
 * - a request receipt's ESC/POS bytes (model → 576-dot raster → bands), goal ≤ 50 ms median,
 *   against node-thermal-printer's own per-pixel encoder as the baseline in the same run;
 * - a declaration PDF with a warm font cache, goal ≤ 150 ms median.
 */
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildDocument } from '../../shared/printing/documents/index';
import { loadPrintFonts } from '../../main/printing/print-fonts';
import { renderPdf } from '../../main/printing/pdf-renderer';
import { renderRaster } from '../../main/printing/raster-renderer';
import { encodeRaster, encodeRasterWithLibrary } from '../../main/printing/escpos-raster';
import { thermalBytes } from '../../main/printing/send-document';
import { sampleRequests } from '../integration/printing-support/fixtures';
import { summarise, trackPeakMemory } from './stats';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const peak = trackPeakMemory();
const ms = (x: number) => Math.round(x * 10) / 10;

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function sample(run: () => Promise<unknown> | unknown, runs = RUNS) {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push(await time(run));
  return summarise(durations);
}

// Cold first, before anything has touched a font.
const fontRead = await time(() => loadPrintFonts());
const fonts = loadPrintFonts();
const requests = sampleRequests();
const receipt = buildDocument(requests['request-receipt']);
const declaration = buildDocument(requests.declaration);
const firstPdf = await time(() => renderPdf(declaration, { paper: 'A4', author: 'bench', fonts }));
const firstRaster = await time(() => renderRaster(receipt, 576, fonts));

const escpos = await sample(() => thermalBytes(receipt, '80mm', 'epson', fonts));
const image = await renderRaster(receipt, 576, fonts);
const rasterOnly = await sample(() => renderRaster(receipt, 576, fonts));
const packOurs = await sample(() => encodeRaster(image, 'epson'));
const packLibrary = await sample(() => encodeRasterWithLibrary(image, 'epson'), Math.min(RUNS, 10));
const pdfWarm = await sample(() => renderPdf(declaration, { paper: 'A4', author: 'bench', fonts }));
const receiptPdf = await sample(() => renderPdf(receipt, { paper: 'A5', author: 'bench', fonts }));

console.log(`printing benchmark (${RUNS} runs each; receipt ${image.width}×${image.height} dots, ${(await thermalBytes(receipt, '80mm', 'epson', fonts)).length} bytes)`);
console.table({
  'fonts: read TTFs (cold)': { p50_ms: ms(fontRead), p95_ms: '', goal: '' },
  'fonts: first declaration PDF (cold)': { p50_ms: ms(firstPdf), p95_ms: '', goal: '' },
  'fonts: first receipt raster (cold)': { p50_ms: ms(firstRaster), p95_ms: '', goal: '' },
  'request receipt → ESC/POS bytes': { p50_ms: escpos.p50_ms, p95_ms: escpos.p95_ms, goal: '≤ 50' },
  '  of which: canvas raster': { p50_ms: rasterOnly.p50_ms, p95_ms: rasterOnly.p95_ms, goal: '' },
  '  of which: band packing (ours)': { p50_ms: packOurs.p50_ms, p95_ms: packOurs.p95_ms, goal: '' },
  '  baseline: node-thermal-printer packing': { p50_ms: packLibrary.p50_ms, p95_ms: packLibrary.p95_ms, goal: '' },
  'declaration PDF A4 (warm fonts)': { p50_ms: pdfWarm.p50_ms, p95_ms: pdfWarm.p95_ms, goal: '≤ 150' },
  'request receipt PDF A5 (warm fonts)': { p50_ms: receiptPdf.p50_ms, p95_ms: receiptPdf.p95_ms, goal: '' },
});
console.log(`peak RSS ${peak()} MB; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs (other work on the machine inflates every figure)`);
