/**
 * A document model drawn as a black-and-white raster for thermal printers: 576 dots wide for
 * 80 mm paper, 384 for 58 mm. ESC/POS text mode cannot print joined Arabic letters, so the whole
 * receipt is an image. @napi-rs/canvas (Skia) shapes Arabic and lays out right-to-left lines
 * itself when `direction = 'rtl'`; wrapping uses the same `wrapText` as the PDF.
 */
import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import type { Block, DocumentModel, TextSize } from '../../shared/printing/document-model';
import { wrapText } from '../../shared/printing/wrap-text';
import { CANVAS_FAMILY, ensureCanvasFonts, loadPrintFonts, type PrintFonts } from './print-fonts';
import { qrMatrix } from './qr-matrix';

export type ThermalWidth = 576 | 384;
export const DOTS_FOR_PAPER = { '80mm': 576, '58mm': 384 } as const satisfies Record<string, ThermalWidth>;

export interface RasterImage {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8ClampedArray;
}

const SIZES: Record<TextSize, number> = { small: 19, normal: 24, large: 34, huge: 72 };
/** Tall enough for any receipt; the result is cropped to what was drawn. */
const MAX_HEIGHT = 6000;

class RasterLayout {
  y = 10;
  readonly margin: number;
  constructor(
    readonly ctx: SKRSContext2D,
    readonly width: number,
  ) {
    this.margin = Math.round(width / 64);
  }
  /** 58 mm paper shrinks the layout, but text less than that: small type must stay legible. */
  get scale(): number {
    return this.width >= 576 ? 1 : 0.8;
  }
  get right(): number {
    return this.width - this.margin;
  }
  get left(): number {
    return this.margin;
  }
  px(size: number): number {
    return Math.round(size * this.scale);
  }
  font(size: number, bold: boolean): void {
    this.ctx.font = `${bold ? 'bold' : '600'} ${Math.max(15, size)}px ${CANVAS_FAMILY}`;
  }
  measure = (text: string): number => this.ctx.measureText(text).width;

  paragraph(text: string, size: number, bold: boolean, from: number, to: number, align: 'right' | 'center'): void {
    const ctx = this.ctx;
    this.font(size, bold);
    ctx.textAlign = align;
    const lineHeight = Math.round(size * 1.55);
    for (const line of wrapText(text, to - from, this.measure)) {
      ctx.fillText(line, align === 'right' ? to : (from + to) / 2, this.y + size * 1.1);
      this.y += lineHeight;
    }
  }
}

async function drawPng(ctx: SKRSContext2D, base64: string, x: number, y: number, w: number, h: number): Promise<void> {
  const img = await loadImage(Buffer.from(base64, 'base64'));
  const scale = Math.min(w / img.width, h / img.height);
  const dw = img.width * scale;
  const dh = img.height * scale;
  ctx.drawImage(img, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh);
}

function drawQr(layout: RasterLayout, data: string, side: number): void {
  const m = qrMatrix(data);
  // Whole dots per module keep the code sharp on a 203 dpi head.
  const cell = Math.max(2, Math.floor(side / m.size));
  const x0 = Math.round(layout.width / 2 - (cell * m.size) / 2);
  const ctx = layout.ctx;
  ctx.fillStyle = '#000';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (m.dark(r, c)) ctx.fillRect(x0 + c * cell, layout.y + r * cell, cell, cell);
    }
  }
  layout.y += cell * m.size + layout.px(6);
}

async function drawBlock(layout: RasterLayout, block: Block): Promise<void> {
  const ctx = layout.ctx;
  const { left, right } = layout;
  const centre = layout.width / 2;
  switch (block.type) {
    case 'header':
      if (block.logoPng) {
        const side = layout.px(96);
        await drawPng(ctx, block.logoPng, centre - side / 2, layout.y, side, side);
        layout.y += side + layout.px(4);
      }
      layout.paragraph(block.name, layout.px(28), true, left, right, 'center');
      layout.paragraph(block.licenceLine, layout.px(SIZES.small), false, left, right, 'center');
      return;
    case 'title':
      layout.y += layout.px(4);
      layout.paragraph(block.text, layout.px(32), true, left, right, 'center');
      return;
    case 'copy-mark': {
      const top = layout.y;
      layout.y += layout.px(6);
      layout.paragraph(block.text, layout.px(40), true, left, right, 'center');
      layout.paragraph(block.detail, layout.px(SIZES.small), false, left, right, 'center');
      ctx.lineWidth = 3;
      ctx.strokeRect(left + layout.px(40), top, right - left - layout.px(80), layout.y - top + layout.px(4));
      layout.y += layout.px(12);
      return;
    }
    case 'text':
      layout.paragraph(block.text, layout.px(SIZES[block.size]), block.bold ?? false, left, right, block.align === 'center' ? 'center' : 'right');
      return;
    case 'field': {
      const size = layout.px(SIZES.normal);
      const labelWidth = Math.round((right - left) * 0.36);
      const y0 = layout.y;
      layout.paragraph(`${block.label}:`, size, true, right - labelWidth, right, 'right');
      const afterLabel = layout.y;
      layout.y = y0;
      layout.paragraph(block.value || '—', size, false, left, right - labelWidth - layout.px(6), 'right');
      layout.y = Math.max(layout.y, afterLabel);
      return;
    }
    case 'qr':
      layout.y += layout.px(6);
      drawQr(layout, block.data, layout.px(block.size === 'normal' ? 220 : 160));
      if (block.caption) layout.paragraph(block.caption, layout.px(SIZES.small), false, left, right, 'center');
      return;
    case 'signature': {
      const size = layout.px(SIZES.normal);
      layout.paragraph(`${block.label}:`, size, true, left, right, 'right');
      const boxH = layout.px(120);
      if (block.png) {
        ctx.lineWidth = 2;
        ctx.strokeRect(left, layout.y, right - left, boxH);
        await drawPng(ctx, block.png, left + 4, layout.y + 4, right - left - 8, boxH - 8);
      } else {
        ctx.fillRect(left + layout.px(60), layout.y + boxH - 8, right - left - layout.px(120), 2);
      }
      layout.y += boxH + layout.px(4);
      layout.paragraph(block.signerName, layout.px(SIZES.small), false, left, right, 'center');
      return;
    }
    case 'rule':
      layout.y += layout.px(6);
      ctx.fillRect(left, layout.y, right - left, 2);
      layout.y += layout.px(10);
      return;
    case 'gap':
      layout.y += layout.px(14);
      return;
  }
}

/** Most receipts fit the first height; a long one is drawn again on the taller canvas. */
const CANVAS_HEIGHTS = [2048, MAX_HEIGHT];

export async function renderRaster(model: DocumentModel, width: ThermalWidth, fonts?: PrintFonts): Promise<RasterImage> {
  ensureCanvasFonts(fonts ?? loadPrintFonts());
  for (const canvasHeight of CANVAS_HEIGHTS) {
    const canvas = createCanvas(width, canvasHeight);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, canvasHeight);
    ctx.fillStyle = '#000';
    ctx.strokeStyle = '#000';
    ctx.direction = 'rtl';
    const layout = new RasterLayout(ctx, width);
    let fits = true;
    for (const block of model.blocks) {
      await drawBlock(layout, block);
      if (layout.y > canvasHeight - 400) {
        fits = false;
        break;
      }
    }
    if (!fits) continue;
    // Feed a little white below the last line so the cut does not touch it.
    const height = Math.ceil(layout.y + layout.px(24));
    const data = ctx.getImageData(0, 0, width, height);
    return { width, height, rgba: data.data };
  }
  throw new Error(`Receipt too long for one raster (${model.kind})`);
}

/** The raster as PNG (artifacts, previews, node-thermal-printer's input). */
export function rasterToPng(image: RasterImage, fromRow = 0, rows = image.height - fromRow): Buffer {
  const canvas = createCanvas(image.width, rows);
  const ctx = canvas.getContext('2d');
  const slice = image.rgba.subarray(fromRow * image.width * 4, (fromRow + rows) * image.width * 4);
  const imageData = ctx.createImageData(image.width, rows);
  imageData.data.set(slice);
  ctx.putImageData(imageData, 0, 0);
  return canvas.encodeSync('png');
}
