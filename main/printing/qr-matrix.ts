/** A QR code as a matrix of dark modules, drawn as rectangles by both renderers (sharp at any size). */
import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(data: string): QrMatrix {
  const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const { size, data: bits } = qr.modules;
  return { size, dark: (row, col) => bits[row * size + col] === 1 };
}
