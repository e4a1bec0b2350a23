/** Real files for attachment tests: a PDF drawn by pdfkit and a PNG drawn by @napi-rs/canvas. */
import PDFDocument from 'pdfkit';
import { createCanvas } from '@napi-rs/canvas';
import type { Core } from '../../main/core/create-core';
import type { Actor } from '../../main/core/actor';

export function makePdf(text = 'Scanned letter'): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A5' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(24).text(text, 50, 80);
    doc.end();
  });
}

export function makePng(width = 40, height = 30): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0b7285';
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

export function actorOf(core: Core, counterCode?: string): Actor {
  const s = core.sessions.current()!;
  return { userId: s.user.id, counterId: s.counter.id, counterCode: counterCode ?? s.counter.code };
}
