import { base64ToBytes } from '../common/base64';

/** Saves a file the core produced (base64) through the browser's download, as a Blob: no file paths. */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
