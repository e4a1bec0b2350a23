/**
 * Maps an `app://istiqbal/...` request to a file inside the renderer folder, or refuses it.
 * Refused: another host, encoded or plain `..` segments, absolute paths, backslashes, NUL bytes,
 * anything that resolves outside the root. No Electron here, so it is tested in plain Node.
 */
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

export const APP_HOST = 'istiqbal';

export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'app:' || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (isAbsolute(relativePath)) return null;
  const root = normalize(rootDir);
  const full = normalize(join(root, relativePath));
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export function mimeTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return MIME[path.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}
