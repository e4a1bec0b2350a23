/**
 * The fonts printed documents use: Cairo (OFL), which carries Arabic, Latin letters and digits in
 * one file; pdfkit has no font fallback, so a font without Latin would print boxes. Loaded once
 * per process and kept: the first document pays the read, later ones do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

/** The parts of a fontkit font pdfkit needs: it accepts a parsed font in place of bytes. */
export interface ParsedFont {
  layout(text: string): unknown;
}

export interface PrintFonts {
  regular: Buffer;
  /** Thermal heads lose thin strokes: receipts use SemiBold where paper PDFs use Regular. */
  semiBold: Buffer;
  bold: Buffer;
  regularPath: string;
  boldPath: string;
}

/** The family name the thermal renderer asks the canvas for. */
export const CANVAS_FAMILY = 'IstiqbalPrint';

let loaded: { dir: string; fonts: PrintFonts } | null = null;
let canvasRegistered = false;

export function defaultFontsDir(): string {
  return join(process.cwd(), 'resources', 'fonts');
}

export function loadPrintFonts(fontsDir: string = defaultFontsDir()): PrintFonts {
  if (loaded && loaded.dir === fontsDir) return loaded.fonts;
  const regularPath = join(fontsDir, 'Cairo-Regular.ttf');
  const boldPath = join(fontsDir, 'Cairo-Bold.ttf');
  if (!existsSync(regularPath) || !existsSync(boldPath)) {
    throw new Error(`Print fonts missing in ${fontsDir}: run \`npm run build\` (or node build/scripts/copy-fonts.mjs)`);
  }
  const semiBoldPath = join(fontsDir, 'Cairo-SemiBold.ttf');
  const fonts = {
    regular: readFileSync(regularPath),
    semiBold: readFileSync(existsSync(semiBoldPath) ? semiBoldPath : boldPath),
    bold: readFileSync(boldPath),
    regularPath,
    boldPath,
  };
  loaded = { dir: fontsDir, fonts };
  return fonts;
}

/** Registers the fonts with the canvas once; both weights under one family name. */
export function ensureCanvasFonts(fonts: PrintFonts): void {
  if (canvasRegistered) return;
  GlobalFonts.register(fonts.semiBold, CANVAS_FAMILY);
  GlobalFonts.register(fonts.bold, CANVAS_FAMILY);
  canvasRegistered = true;
}

/**
 * Fonts parsed once for pdfkit. Given bytes, pdfkit parses the TTF again for every document and
 * starts with cold glyph caches; given the parsed (fontkit) font it reuses both. The parsed font
 * is taken from a throwaway pdfkit document, so it is exactly the fontkit pdfkit itself uses and
 * nothing needs resolving at run time (the main process is bundled). Should pdfkit change how it
 * keeps it, the bytes are returned and each document parses them again: slower, still correct.
 */
const parsed = new WeakMap<Buffer, ParsedFont | Buffer>();
export function parsedFont(bytes: Buffer): ParsedFont | Buffer {
  let font = parsed.get(bytes);
  if (!font) {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.font(bytes);
    const candidate = (probe as unknown as { _font?: { font?: ParsedFont } })._font?.font;
    font = candidate && typeof candidate.layout === 'function' ? candidate : bytes;
    parsed.set(bytes, font);
  }
  return font;
}

/** For the benchmark: forget the loaded fonts so the next document pays the first-use cost. */
export function forgetLoadedFonts(): void {
  loaded = null;
}
