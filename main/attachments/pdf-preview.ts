/**
 * A preview of a PDF's first page as PNG, drawn by poppler's `pdftoppm` where the machine has it
 * (fixed arguments, no shell, a time limit). Where it is missing the renderer shows the page
 * count only; the PDF itself is never handed to a viewer plugin (the CSP forbids those).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm', '/opt/homebrew/bin/pdftoppm'];

export function pdfPageCount(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes).toString('latin1');
  const count = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  return count > 0 ? count : null;
}

export function renderFirstPage(path: string): Promise<Buffer | null> {
  const tool = CANDIDATES.find((p) => existsSync(p));
  if (!tool) return Promise.resolve(null);
  return new Promise((resolvePromise) => {
    execFile(
      tool,
      ['-png', '-f', '1', '-l', '1', '-scale-to', '900', '-q', path, '-'],
      { encoding: 'buffer', maxBuffer: 20 * 1024 * 1024, timeout: 10_000 },
      (error, stdout) => resolvePromise(error || stdout.length === 0 ? null : stdout),
    );
  });
}
