/**
 * Reads ESC/POS bytes back into a picture: every `GS v 0` raster band stacked, plus the commands
 * seen around them (init, cut). What the printer would put on paper, independent of our encoder.
 */
export interface DecodedJob {
  width: number;
  height: number;
  /** 1 = black dot, row by row. */
  dots: Uint8Array;
  bands: number[];
  cutAfterImage: boolean;
  initialised: boolean;
}

export function decodeEscPos(bytes: Buffer): DecodedJob {
  let i = 0;
  let width = 0;
  const rows: Uint8Array[] = [];
  const bands: number[] = [];
  let cutAfterImage = false;
  let initialised = false;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x1b && bytes[i + 1] === 0x40) {
      if (rows.length === 0) initialised = true;
      i += 2;
    } else if (b === 0x1d && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30) {
      const xBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
      const h = bytes[i + 6]! + bytes[i + 7]! * 256;
      width = xBytes * 8;
      bands.push(h);
      let at = i + 8;
      for (let y = 0; y < h; y++) {
        const row = new Uint8Array(width);
        for (let x = 0; x < width; x++) row[x] = (bytes[at + (x >> 3)]! >> (7 - (x & 7))) & 1;
        rows.push(row);
        at += xBytes;
      }
      i = at;
    } else if (b === 0x1d && bytes[i + 1] === 0x56) {
      if (rows.length > 0) cutAfterImage = true;
      i += 3;
    } else if (b === 0x1b && bytes[i + 1] === 0x64) {
      i += 3; // feed n lines
    } else {
      i += 1;
    }
  }
  const dots = new Uint8Array(width * rows.length);
  rows.forEach((r, y) => dots.set(r, y * width));
  return { width, height: rows.length, dots, bands, cutAfterImage, initialised };
}

/**
 * Star bit-image stripes as node-thermal-printer writes them: `ESC 0`, then per 24-row stripe
 * `ESC k n 0` + 24 rows of n bytes + LF, then `ESC z 1`; the cut is `ESC d 2` (full) or `ESC d 3`.
 */
export function decodeStar(bytes: Buffer): DecodedJob {
  let i = 0;
  let width = 0;
  const rows: Uint8Array[] = [];
  let cutAfterImage = false;
  let initialised = false;
  while (i < bytes.length) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x40) {
      if (rows.length === 0) initialised = true;
      i += 2;
    } else if (bytes[i] === 0x1b && bytes[i + 1] === 0x6b) {
      const n = bytes[i + 2]!;
      width = n * 8;
      let at = i + 4;
      for (let y = 0; y < 24; y++) {
        const row = new Uint8Array(width);
        for (let x = 0; x < width; x++) row[x] = (bytes[at + (x >> 3)]! >> (7 - (x & 7))) & 1;
        rows.push(row);
        at += n;
      }
      i = at + 1; // the LF after each stripe
    } else if (bytes[i] === 0x1b && bytes[i + 1] === 0x64) {
      if (rows.length > 0 && (bytes[i + 2] === 2 || bytes[i + 2] === 3)) cutAfterImage = true;
      i += 3;
    } else if (bytes[i] === 0x1b && (bytes[i + 1] === 0x7a || bytes[i + 1] === 0x30)) {
      i += bytes[i + 1] === 0x7a ? 3 : 2;
    } else {
      i += 1;
    }
  }
  const dots = new Uint8Array(width * rows.length);
  rows.forEach((r, y) => dots.set(r, y * width));
  return { width, height: rows.length, dots, bands: [], cutAfterImage, initialised };
}
