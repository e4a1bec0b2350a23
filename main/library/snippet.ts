/**
 * The line of a page that shows a search hit, as written: each line is normalised on its own to
 * find the one that holds most query words (normalising the whole page would lose the positions).
 */
import { normaliseArabic } from '../../shared/text/arabic-normalise';

const MAX = 160;

export function snippetAround(text: string, words: readonly string[]): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  let line = lines[0] ?? '';
  let best = 0;
  // The line holding most of the query's words (the first such), so a phrase is shown whole.
  for (const l of lines) {
    const norm = normaliseArabic(l);
    const score = words.filter((w) => norm.includes(w)).length;
    if (score > best) [line, best] = [l, score];
  }
  return line.length > MAX ? `${line.slice(0, MAX)}…` : line;
}
