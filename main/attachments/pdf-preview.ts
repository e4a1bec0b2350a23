/**
 * A preview of a PDF's first page as PNG, drawn by poppler's `pdftoppm` where the machine has it
 * (fixed arguments, no shell, a time limit). Where it is missing the renderer shows the page
 * count only; the PDF itself is never handed to a viewer plugin (the CSP forbids those).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm', '/opt/homebrew/bin/pdftoppm'];

export function pdfPageCount(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes).toString('latin1');
  const count = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  return count > 0 ? count : null;
}

export function renderFirstPage(path: string): Promise<Buffer | null> {
  const tool = CANDIDATES.find((p) => existsSync(p));
  if (!tool) return Promise.resolve(null);
  // Written to a private temp folder (not every poppler build can write PNG to stdout).
  const out = mkdtempSync(join(tmpdir(), 'istiqbal-preview-'));
  return new Promise((resolvePromise) => {
    execFile(tool, ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to', '900', '-q', path, join(out, 'page')], { timeout: 10_000 }, (error) => {
      let png: Buffer | null = null;
      try {
        if (!error) png = readFileSync(join(out, 'page.png'));
      } catch {
        png = null;
      }
      rmSync(out, { recursive: true, force: true });
      resolvePromise(png && png.length > 0 ? png : null);
    });
  });
}
