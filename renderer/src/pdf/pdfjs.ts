/**
 * pdf.js, configured for this app: the worker is bundled by Vite and served from the app itself
 * (the CSP allows workers from 'self' only), and the CMaps and standard font data that some PDFs
 * need (non-embedded fonts, Arabic and CJK encodings) are copied into the build under `pdfjs/`,
 * so nothing is ever fetched from elsewhere. No eval (the CSP forbids it) and no WebAssembly
 * (that would need 'wasm-unsafe-eval'); pdf.js falls back to its JavaScript decoders.
 *
 * Glyphs are drawn as paths from the PDF's own font programs (`disableFontFace`): loaded as web
 * fonts, Chromium re-shaped the already-shaped Arabic glyphs of our PDFs into isolated letters.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';

GlobalWorkerOptions.workerSrc = workerUrl;

const assets = (folder: string) => new URL(`./pdfjs/${folder}/`, document.baseURI).href;

export function openPdf(data: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data,
    cMapUrl: assets('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assets('standard_fonts'),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    disableFontFace: true,
  });
}
