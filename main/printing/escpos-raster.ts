/**
 * ESC/POS bytes for a receipt image. The image goes in bands of at most 256 rows (many printers
 * hold one raster command in a small buffer and drop or garble taller ones), then a feed and a cut.
 *
 * node-thermal-printer's drivers define the commands (Epson: `GS v 0` raster; Star: 24-row bit
 * image stripes) and its `printImageBuffer` is the reference, but it builds one object per pixel:
 * about 300 ms for a receipt here, against a 50 ms budget. `packEpsonBand` / `packStarBand`
 * produce the very same bytes from the RGBA rows directly (a unit test compares them byte for
 * byte with the library on every band of a real receipt); the init and cut come from the library.
 */
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { RasterImage } from './raster-renderer';

export type ThermalType = 'epson' | 'star';

/** Rows per raster command. */
export const BAND_ROWS = 256;
/**
 * Star bands are cut into 24-row stripes and the last stripe is padded with white: a band must be
 * a multiple of 24 rows (240) or every band boundary would print a white gap.
 */
export const STAR_BAND_ROWS = 240;

/**
 * Packs rows into 1-bit bytes with the library's rule: a dot is printed when the pixel is opaque
 * enough (alpha > 126) and darker than mid-grey (trunc(0.2126 R + 0.7152 G + 0.0722 B) < 128).
 * Rows at or past `rowTo` are white (the last stripe of a Star band).
 *
 * A receipt is nearly all pure white or pure black: those two pixel values are answered by one
 * 32-bit compare, and only anti-aliased edge pixels go through the luminance formula (the same
 * float expression as the library's, so the bytes stay identical).
 */
const WHITE = 0xffffffff;
const BLACK = 0xff000000; // little-endian RGBA: alpha in the high byte

function dotAt(rgba: Uint8ClampedArray, i: number): boolean {
  return rgba[i + 3]! > 126 && Math.trunc(0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]!) < 128;
}

function packRows(rgba: Uint8ClampedArray, width: number, rowFrom: number, rowTo: number, rows: number, out: Buffer, at: number): number {
  const bytesPerRow = Math.ceil(width / 8);
  // A view needs 4-byte alignment; a copy is the (never seen) fallback.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 2);
  for (let y = rowFrom; y < rowFrom + rows; y++) {
    if (y >= rowTo) {
      at += bytesPerRow; // Buffer.alloc gave zeros
      continue;
    }
    let p = y * width;
    for (let bx = 0; bx < bytesPerRow; bx++) {
      let byte = 0;
      const dots = Math.min(8, width - bx * 8);
      for (let k = 0; k < dots; k++, p++) {
        const v = pixels[p]!;
        if (v === WHITE) continue;
        if (v === BLACK || dotAt(rgba, p * 4)) byte |= 0x80 >> k;
      }
      out[at++] = byte;
    }
  }
  return at;
}

/** `GS v 0 m xL xH yL yH d…` for rows [from, from + rows) — identical to the Epson driver. */
export function packEpsonBand(image: RasterImage, from: number, rows: number): Buffer {
  const bytesPerRow = Math.ceil(image.width / 8);
  const widthForHeader = image.width % 8 !== 0 ? image.width + 8 : image.width;
  const out = Buffer.alloc(8 + bytesPerRow * rows);
  out.set([0x1d, 0x76, 0x30, 48, (widthForHeader >> 3) & 0xff, 0x00, rows & 0xff, (rows >> 8) & 0xff]);
  packRows(image.rgba, image.width, from, from + rows, rows, out, 8);
  return out;
}

/** Star's `ESC k` stripes of 24 rows for rows [from, from + rows) — identical to the Star driver. */
export function packStarBand(image: RasterImage, from: number, rows: number): Buffer {
  const bytesPerRow = Math.ceil(image.width / 8);
  const stripes = Math.ceil(rows / 24);
  const stripeBytes = bytesPerRow * 24;
  const out = Buffer.alloc(2 + stripes * (4 + stripeBytes + 1) + 3);
  let at = 0;
  out[at++] = 0x1b;
  out[at++] = 0x30;
  for (let s = 0; s < stripes; s++) {
    out.set([0x1b, 0x6b, Math.trunc(stripeBytes / 24) & 0xff, 0x00], at);
    at += 4;
    at = packRows(image.rgba, image.width, from + s * 24, from + rows, 24, out, at);
    out[at++] = 0x0a;
  }
  out.set([0x1b, 0x7a, 0x01], at);
  return out;
}

export function encodeRaster(image: RasterImage, type: ThermalType): Buffer {
  // No interface: the library only builds bytes here; our transports send them, once.
  const printer = new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '' });
  printer.append(Buffer.from([0x1b, 0x40])); // ESC @: start from a clean printer state
  const pack = type === 'star' ? packStarBand : packEpsonBand;
  const band = type === 'star' ? STAR_BAND_ROWS : BAND_ROWS;
  for (let row = 0; row < image.height; row += band) {
    printer.append(pack(image, row, Math.min(band, image.height - row)));
  }
  printer.cut();
  return printer.getBuffer();
}

/** The library's own path, kept as the reference for tests and the benchmark baseline. */
export function encodeRasterWithLibrary(image: RasterImage, type: ThermalType): Buffer {
  const printer = new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '' });
  const driver = (printer as unknown as { printer: { printImageBuffer(w: number, h: number, d: ArrayLike<number>): Buffer } }).printer;
  printer.append(Buffer.from([0x1b, 0x40]));
  const rowBytes = image.width * 4;
  const band = type === 'star' ? STAR_BAND_ROWS : BAND_ROWS;
  for (let row = 0; row < image.height; row += band) {
    const rows = Math.min(band, image.height - row);
    printer.append(driver.printImageBuffer(image.width, rows, image.rgba.subarray(row * rowBytes, (row + rows) * rowBytes)));
  }
  printer.cut();
  return printer.getBuffer();
}
