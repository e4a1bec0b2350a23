/**
 * A policy text drawn as a real Arabic PDF through the printing domain's PDF renderer (Cairo
 * embedded, right to left, our own page breaks): the demo library's documents and the tests'.
 */
import type { Block } from '../../shared/printing/document-model';
import { renderPdf } from '../printing/pdf-renderer';

const HEADING = /:-?\s*$/;

export function policyPdf(title: string, paragraphs: readonly string[], options: { society: string; licenceLine: string; createdAt?: Date }): Promise<Buffer> {
  const blocks: Block[] = [
    { type: 'header', name: options.society, licenceLine: options.licenceLine, logoPng: null },
    { type: 'title', text: title },
    ...paragraphs.map((text): Block => ({ type: 'text', text: text.replace(HEADING, '').trim(), size: 'normal', bold: HEADING.test(text), align: 'start' })),
  ];
  return renderPdf({ kind: 'policy', title, blocks }, { paper: 'A5', author: options.society, createdAt: options.createdAt });
}
