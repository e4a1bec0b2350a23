/**
 * PDF/A-2b SANITY CHECK of our PDFs, not a validation: veraPDF (the reference validator) and qpdf
 * are not available here. It checks the few things PDF/A-2b needs that pdfkit could silently drop
 * or that our renderer could break: the XMP identification (pdfaid part 2, conformance B) and its
 * agreement with the Info dictionary, an sRGB OutputIntent with an embedded ICC profile, every
 * font embedded (pdffonts), CIDFontType2 fonts with a CIDToGIDMap, no encryption, a file ID, the
 * binary header comment, no transparency groups and none of the actions PDF/A forbids; poppler
 * must read the file without a syntax error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentRequest } from '../../shared/printing/document-kinds';
import { buildDocument } from '../../shared/printing/documents/index';
import { renderPdf, type PdfPaper } from '../../main/printing/pdf-renderer';
import { makeTempDir } from '../support/temp-dir';
import { ORG, sampleRequests } from './printing-support/fixtures';
import { pdfObjects, ref, trailer } from './printing-support/pdf-objects';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);
const CREATED = new Date('2026-11-29T06:00:00Z');

/** Runs a poppler tool; a stderr line saying "Syntax Error" or "Error" fails the test. */
function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  expect(run.status, `${tool} ${run.stderr}`).toBe(0);
  expect(run.stderr).not.toMatch(/error/i);
  return run.stdout;
}

function xmpValue(xmp: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>\\s*(?:<rdf:(?:Alt|Seq)>\\s*<rdf:li[^>]*>)?([^<]*)<`).exec(xmp);
  return m?.[1]?.trim();
}

/** pdfinfo prints dates in UTC with -isodates; XMP dates are ISO 8601. */
function sameInstant(a: string, b: string): boolean {
  return new Date(a).getTime() === new Date(b).getTime();
}

const cases: [DocumentRequest['kind'], PdfPaper][] = [
  ['declaration', 'A4'],
  ['request-receipt', 'A5'],
];

describe('PDF/A-2b sanity check (not a validation: no veraPDF here)', () => {
  it.each(cases)('%s on %s', async (kind, paper) => {
    const pdf = await renderPdf(buildDocument(sampleRequests()[kind]), { paper, author: ORG.name, createdAt: CREATED });
    const file = join(dir, `${kind}.pdf`);
    writeFileSync(file, pdf);
    const objects = pdfObjects(pdf);
    const catalog = [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict));
    expect(catalog).toBeDefined();

    // File structure: binary comment on line 2, a file ID, no encryption.
    expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    expect([...pdf.subarray(10, 14)].every((b) => b > 127)).toBe(true);
    const tail = trailer(pdf);
    expect(tail).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    expect(tail).not.toContain('/Encrypt');
    const info = poppler('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(/Encrypted:\s+no/);

    // XMP: PDF/A-2b identification, and the same title, author, tools and date as the Info dictionary.
    const xmp = ref(objects, catalog!.dict, 'Metadata')?.stream?.toString('utf8') ?? '';
    expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
    expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');
    const infoField = (name: string) => new RegExp(`^${name}:\\s+(.*)$`, 'm').exec(info)?.[1]?.trim();
    expect(xmpValue(xmp, 'dc:title')).toBe(infoField('Title'));
    expect(xmpValue(xmp, 'dc:creator')).toBe(infoField('Author'));
    expect(xmpValue(xmp, 'xmp:CreatorTool')).toBe(infoField('Creator'));
    expect(xmpValue(xmp, 'pdf:Producer')).toBe(infoField('Producer'));
    expect(sameInstant(xmpValue(xmp, 'xmp:CreateDate')!, infoField('CreationDate')!)).toBe(true);
    expect(infoField('Title')).toBeTruthy();

    // OutputIntent: PDF/A kind, with an embedded RGB ICC profile whose header is whole.
    const intentNum = /\/OutputIntents \[(\d+) 0 R\]/.exec(catalog!.dict)?.[1];
    const intent = objects.get(Number(intentNum));
    expect(intent?.dict).toMatch(/\/S \/GTS_PDFA1\b/);
    const icc = ref(objects, intent!.dict, 'DestOutputProfile');
    expect(icc?.dict).toMatch(/\/N 3\b/);
    const profile = icc!.stream!;
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');

    // Fonts: every one embedded (pdffonts), with a ToUnicode map; TrueType CID fonts name their CIDToGIDMap.
    const fonts = poppler('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+0$/);
    for (const o of objects.values()) {
      if (/\/Subtype \/CIDFontType2\b/.test(o.dict)) expect(o.dict).toMatch(/\/CIDToGIDMap (\/Identity|\d+ 0 R)/);
    }

    // Nothing PDF/A-2 forbids or that we do not mean to emit.
    const dicts = [...objects.values()].map((o) => o.dict).join('\n');
    expect(dicts).not.toMatch(/\/S \/Transparency\b/);
    expect(dicts).not.toMatch(/\/(JavaScript|JS|Launch|EmbeddedFiles|OpenAction|AA)\b/);
    expect(dicts).not.toMatch(/\/LZWDecode\b/);

    // poppler reads the text of every page without complaint.
    poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', file, join(dir, kind)]);
  });
});
