/**
 * The text of a page around a search hit, as written: each line is normalised on its own to find
 * the one holding most query words (normalising the whole page would lose the positions); a short
 * line (a PDF line is often a fragment of a sentence) gets its neighbours for context.
 */
import { normaliseArabic } from '../../shared/text/arabic-normalise';

const MAX = 200;
const ENOUGH = 90;

export function snippetAround(text: string, words: readonly string[]): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  let at = 0;
  let best = 0;
  for (const [i, l] of lines.entries()) {
    const norm = normaliseArabic(l);
    const score = words.filter((w) => norm.includes(w)).length;
    if (score > best) [at, best] = [i, score];
  }
  let from = at;
  let to = at;
  const length = () => lines.slice(from, to + 1).join(' ').length;
  while (length() < ENOUGH && (from > 0 || to < lines.length - 1)) {
    if (from > 0) from--;
    if (length() < ENOUGH && to < lines.length - 1) to++;
  }
  const snippet = lines.slice(from, to + 1).join(' ');
  return snippet.length > MAX ? `${snippet.slice(0, MAX)}…` : snippet;
}
