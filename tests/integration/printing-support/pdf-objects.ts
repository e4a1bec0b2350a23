/**
 * Just enough of a PDF reader for the PDF/A sanity test: pdfkit writes every object as
 * `N 0 obj <<dict>> [stream…endstream] endobj` with an uncompressed dictionary, so objects,
 * references and stream bytes can be found without a PDF library (veraPDF and qpdf are not
 * available here). Not a general parser: object streams and compressed xref are not handled,
 * and pdfkit emits neither.
 */
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  num: number;
  dict: string;
  stream?: Buffer;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const start = head.lastIndex;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    const dict = streamAt >= 0 ? body.slice(0, streamAt) : body;
    const obj: PdfObject = { num: Number(m[1]), dict };
    if (streamAt >= 0) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataStart = start + streamAt + body.slice(streamAt).indexOf('\n') + 1;
      const raw = pdf.subarray(dataStart, dataStart + length);
      obj.stream = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
    }
    objects.set(obj.num, obj);
    head.lastIndex = end;
  }
  return objects;
}

/** The object a `/Key N 0 R` entry of `dict` points to. */
export function ref(objects: Map<number, PdfObject>, dict: string, key: string): PdfObject | undefined {
  const num = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  return num === undefined ? undefined : objects.get(Number(num));
}

export function trailer(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  return text.slice(text.lastIndexOf('trailer'));
}
