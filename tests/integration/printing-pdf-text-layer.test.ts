/**
 * The text layer of a long real Arabic document: the society's beneficiary-relations policy
 * (main/library/relations-policy-text.ts, also the demo library's document) drawn through the PDF renderer with wrapping and page breaks must give back every
 * one of its words through pdftotext — what copy, search and a screen reader see.
 *
 * Two things of Poppler's, not ours, are set aside: at a wrapped line's end it glues the last word
 * to the next line's first between direction marks (so marks count as spaces here), and it places
 * combining marks (tanween, shadda) apart from their letter, so words carrying them are not compared.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../shared/printing/document-model';
import { renderPdf } from '../../main/printing/pdf-renderer';
import { makeTempDir } from '../support/temp-dir';
import { RELATIONS_POLICY_PARAGRAPHS } from '../../main/library/relations-policy-text';

const POLICY = RELATIONS_POLICY_PARAGRAPHS.join('\n');
// Letters and their marks; punctuation (، ؛ ؟) is where Poppler puts spaces of its own.
const ARABIC_WORD = /[\u0621-\u065F\u0670-\u06D3]+/g;
const COMBINING_MARK = /[\u064B-\u065F\u0670]/;
const DIRECTION_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

describe('PDF text layer of a long Arabic document', () => {
  it('every word of the policy comes back from pdftotext, across wrapped lines and pages', async () => {
    const blocks: Block[] = RELATIONS_POLICY_PARAGRAPHS.map((text) => ({ type: 'text', text, size: 'normal', align: 'start' }));
    const model = { kind: 'declaration', title: 'سياسة علاقات المستفيدين', blocks } as DocumentModel;
    const { dir, cleanup } = makeTempDir();
    const file = join(dir, 'policy.pdf');
    writeFileSync(file, await renderPdf(model, { paper: 'A4', author: 'test', createdAt: new Date(0) }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(DIRECTION_MARKS, ' ');
    cleanup();

    const got = new Set(extracted.match(ARABIC_WORD));
    const expected = [...new Set(POLICY.match(ARABIC_WORD))].filter((w) => !COMBINING_MARK.test(w));
    expect(pages).toBeGreaterThan(1);
    expect(expected.length).toBeGreaterThan(250);
    expect(expected.filter((w) => !got.has(w))).toEqual([]);
  });
});
