/**
 * The text layer of a long real Arabic document: the society's beneficiary-relations policy
 * (main/library/relations-policy-text.ts, also the demo library's document) drawn through the PDF
 * renderer with wrapping and page breaks must give back every one of its words, marks (tashkeel)
 * included, in reading order — what copy, search and a screen reader see.
 *
 * - Poppler (pdftotext): the whole word sequence, marks and all. Poppler builds words from glyph
 *   positions, so a mark drawn lifted over its letter used to come back apart ("وتقدي ًرا", or "ً"
 *   on a line of its own); main/printing/pdf-mark-text.ts gives each mark invisible text on the
 *   baseline. At a wrapped line's end poppler glues the last word to the next line's first between
 *   direction marks, so those count as spaces here.
 * - pdf.js (the library's search text, main/library/pdf-text.ts): the same sequence with the marks
 *   set aside, as the library's Arabic normalisation strips them; pdf.js appends a mark on a word's
 *   last letter after the space that precedes the word, which that normalisation absorbs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../shared/printing/document-model';
import { renderPdf } from '../../main/printing/pdf-renderer';
import { extractPdfPages } from '../../main/library/pdf-text';
import { makeTempDir } from '../support/temp-dir';
import { RELATIONS_POLICY_PARAGRAPHS } from '../../main/library/relations-policy-text';

const POLICY = RELATIONS_POLICY_PARAGRAPHS.join('\n');
// Letters and their marks; punctuation (، ؛ ؟) is where Poppler puts spaces of its own.
const ARABIC_WORD = /[\u0621-\u065F\u0670-\u06D3]+/g;
const COMBINING_MARK = /[\u064B-\u065F\u0670]/;
const COMBINING_MARKS = new RegExp(COMBINING_MARK.source, 'g');
const DIRECTION_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

const words = (text: string) => text.match(ARABIC_WORD) ?? [];
const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

describe('PDF text layer of a long Arabic document', () => {
  let pdf: Buffer;
  let file: string;
  beforeAll(async () => {
    const blocks: Block[] = RELATIONS_POLICY_PARAGRAPHS.map((text) => ({ type: 'text', text, size: 'normal', align: 'start' }));
    const model = { kind: 'declaration', title: 'سياسة علاقات المستفيدين', blocks } as DocumentModel;
    file = join(dir, 'policy.pdf');
    pdf = await renderPdf(model, { paper: 'A4', author: 'test', createdAt: new Date(0) });
    writeFileSync(file, pdf);
  });

  it('every word of the policy, marks included, comes back from pdftotext in reading order, across wrapped lines and pages', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(DIRECTION_MARKS, ' ');
    const expected = words(POLICY);
    expect(pages).toBeGreaterThan(1);
    expect(expected.length).toBeGreaterThan(450);
    expect(expected.filter((w) => COMBINING_MARK.test(w))).toEqual(['حفاظاً', 'وتقديرًا']);
    expect(words(extracted)).toEqual(expected);
    // -layout keeps the same words (columns of spaces aside).
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8').replace(DIRECTION_MARKS, ' ');
    expect(new Set(words(layout))).toEqual(new Set(expected));

    // The page with the marked words, to be looked at.
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = extracted.split('\f').findIndex((p) => p.includes('حفاظاً')) + 1;
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', String(page), '-l', String(page), '-singlefile', file, join(ARTIFACTS, 'printing-pdf-text-layer-marks')]);
  });

  it('pdf.js (the library search text) reads the same words in the same order, marks set aside', async () => {
    const text = (await extractPdfPages(new Uint8Array(pdf))).join('\n');
    expect(words(text.replace(COMBINING_MARKS, ''))).toEqual(words(POLICY.replace(COMBINING_MARKS, '')));
  });
});
