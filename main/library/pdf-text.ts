/**
 * A PDF's text, page by page, read by pdf.js in the core (the same library that draws the pages in
 * the renderer, so search and viewer agree on what a page says). Loaded on first use only: it is
 * large, and the CLI never needs it. pdf.js's Node build runs its worker in-process here.
 */
import { AppError } from '../../shared/errors/app-error';

export const PDF_TEXT_ERRORS = {
  unreadable: {
    ar: 'تعذر قراءة ملف PDF. قد يكون تالفاً أو محمياً بكلمة مرور.',
    en: 'The PDF cannot be read. It may be damaged or password-protected.',
  },
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    // pdf.js builds matrices at load time; in a bundle it cannot find its canvas polyfill itself.
    const canvas = await import('@napi-rs/canvas');
    const g = globalThis as Record<string, unknown>;
    g.DOMMatrix ??= canvas.DOMMatrix;
    g.Path2D ??= canvas.Path2D;
    g.ImageData ??= canvas.ImageData;
    // The worker's message handler, registered where pdf.js looks before spawning a worker.
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

interface TextItem {
  str: string;
  hasEOL?: boolean;
}

/** Each page's text in reading order, lines kept; throws a bilingual error for a broken PDF. */
export async function extractPdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument, VerbosityLevel } = await pdfjs();
  let task: ReturnType<typeof getDocument> | null = null;
  try {
    task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: VerbosityLevel.ERRORS, stopAtErrors: false });
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[])
        .map((item) => (item.hasEOL ? `${item.str}\n` : item.str))
        .join('')
        .replace(/[ \t]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim();
      pages.push(text);
      page.cleanup();
    }
    return pages;
  } catch {
    throw new AppError('VALIDATION', PDF_TEXT_ERRORS.unreadable);
  } finally {
    await task?.destroy();
  }
}
