/**
 * The one model of a printed document: an ordered list of blocks. The PDF renderer and the
 * thermal raster renderer both draw this list, so paper from either printer says the same thing.
 * Text is logical-order Unicode; each renderer does its own shaping and right-to-left layout.
 */
export type TextSize = 'small' | 'normal' | 'large' | 'huge';

export type Block =
  | { type: 'header'; name: string; licenceLine: string; logoPng: string | null }
  | { type: 'title'; text: string }
  /** The reprint marking: "نسخة" and when the copy was printed. */
  | { type: 'copy-mark'; text: string; detail: string }
  | { type: 'text'; text: string; size: TextSize; bold?: boolean; align: 'start' | 'center' }
  /** A label and its value on one line (value wraps under itself when long). */
  | { type: 'field'; label: string; value: string }
  | { type: 'qr'; data: string; caption: string | null; size: 'small' | 'normal' }
  /** A signature box: the captured image, or an empty line for a wet signature. */
  | { type: 'signature'; label: string; signerName: string; png: string | null }
  | { type: 'rule' }
  | { type: 'gap' };

export interface DocumentModel {
  kind: string;
  /** PDF metadata title. */
  title: string;
  blocks: Block[];
}

/** Unicode isolates: a left-to-right value (ID, reference, date with time) inside Arabic text. */
export const LRI = '\u2066';
export const PDI = '\u2069';
// Inside the isolate, digits after an Arabic letter (و-1448-K01-…) would still be classed as
// Arabic numbers and drawn before it; a left-to-right mark after each Arabic run keeps the
// written order. The marks are dropped after the bidi algorithm, before drawing.
export const ltr = (value: string): string => `${LRI}${value.replace(/([\u0600-\u06FF]+)/g, '$1\u200E')}${PDI}`;
