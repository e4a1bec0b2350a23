/**
 * The society's emblem when settings supply no logo: a ring with the society's short name, drawn
 * once with the print font and kept as PNG (both renderers take PNG).
 */
import { createCanvas } from '@napi-rs/canvas';
import { CANVAS_FAMILY, ensureCanvasFonts, loadPrintFonts } from './print-fonts';

let cached: string | null = null;

export function defaultLogoPng(fontsDir?: string): string {
  if (cached) return cached;
  ensureCanvasFonts(loadPrintFonts(fontsDir));
  const size = 192;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 10;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 10, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 24, 0, Math.PI * 2);
  ctx.stroke();
  ctx.fillStyle = '#000';
  ctx.direction = 'rtl';
  ctx.textAlign = 'center';
  ctx.font = `bold 52px ${CANVAS_FAMILY}`;
  ctx.fillText('خزام', size / 2, size / 2 + 18);
  cached = canvas.encodeSync('png').toString('base64');
  return cached;
}
