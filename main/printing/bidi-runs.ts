/**
 * Right-to-left lines for pdfkit. pdfkit shapes Arabic (joined forms) but lays a line out left to
 * right, and with several words or punctuation it orders them wrongly. So each line goes through
 * the Unicode bidi algorithm (bidi-js) and is cut into segments in VISUAL order, left to right:
 * - a run of Arabic letters (one word piece) is passed whole, in logical order, so it is shaped;
 *   the font engine draws such a run right to left by itself;
 * - a left-to-right run (Latin, digits, a reference) is passed whole, except Arabic-Indic digits,
 *   which go one by one (the font engine would reverse a run of them as Arabic script);
 * - any other character in a right-to-left run (brackets, colon, full stop) goes alone, mirrored;
 * - spaces become gaps; isolate and mark characters are dropped after the algorithm used them.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export type Segment = { kind: 'text'; text: string } | { kind: 'space' };

const ARABIC_LETTER = /[\u0610-\u061A\u0620-\u065F\u066E-\u06D3\u06D5-\u06ED\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC\u200C\u200D]/;
const ARABIC_SCRIPT_DIGIT = /[\u0660-\u066C\u06F0-\u06F9]/;
const INVISIBLE = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export function visualSegments(line: string): Segment[] {
  if (line.length === 0) return [];
  const levels = bidi.getEmbeddingLevels(line, 'rtl');
  const order = bidi.getReorderedIndices(line, levels);
  // Note: this one takes the levels array itself, not the result object.
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const out: Segment[] = [];
  // The segment being built: logical [from, to] indices and how it grows.
  let current: { from: number; to: number; mode: 'arabic' | 'ltr' } | null = null;
  const flush = () => {
    if (current) out.push({ kind: 'text', text: line.slice(current.from, current.to + 1) });
    current = null;
  };
  for (const i of order) {
    const ch = line[i]!;
    if (INVISIBLE.test(ch)) continue;
    if (ch === ' ' || ch === '\u00A0') {
      flush();
      out.push({ kind: 'space' });
      continue;
    }
    const rtl = (levels.levels[i]! & 1) === 1;
    if (rtl && ARABIC_LETTER.test(ch)) {
      // Visual order walks an Arabic word from its last letter to its first.
      if (current?.mode === 'arabic' && current.from === i + 1) current.from = i;
      else {
        flush();
        current = { from: i, to: i, mode: 'arabic' };
      }
    } else if (!rtl && ARABIC_SCRIPT_DIGIT.test(ch)) {
      // Arabic-Indic digits read left to right, but the font engine sees Arabic script and
      // reverses any run of them: each goes alone.
      flush();
      out.push({ kind: 'text', text: ch });
    } else if (!rtl) {
      if (current?.mode === 'ltr' && current.to === i - 1) current.to = i;
      else {
        flush();
        current = { from: i, to: i, mode: 'ltr' };
      }
    } else {
      flush();
      out.push({ kind: 'text', text: mirrored.get(i) ?? ch });
    }
  }
  flush();
  return out;
}

/** The line without isolates and marks: what the canvas and measurements see as text. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u200E\u200F\u202A-\u202E\uFEFF]/g, '');
}
