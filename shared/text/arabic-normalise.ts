/**
 * Arabic name normalisation for matching (never for display): the same person is written
 * أحمد / احمد / أحمَد, عبدالله / عبد الله, ابو / أبو. Rules from design/FACTS.md; they fold one
 * direction only and are applied to both sides of a comparison.
 */
import { toLatinDigits } from './digits';

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ
const TEH_MARBUTA = /\u0629/g; // ة
const ALEF_MAKSURA = /\u0649/g; // ى

export function normaliseArabic(text: string): string {
  let t = toLatinDigits(text).normalize('NFC');
  t = t.replace(DIACRITICS, '').replace(TATWEEL, '');
  t = t.replace(ALEF_VARIANTS, 'ا').replace(TEH_MARBUTA, 'ه').replace(ALEF_MAKSURA, 'ي');
  t = t.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  // بن / ابن (son of) are one word: keep a single form.
  t = t.replace(/(^| )ابن(?= )/g, '$1بن');
  // عبد الله → عبدالله: the compound is one name part.
  t = t.replace(/(^| )عبد (?=\S)/g, '$1عبد');
  return t;
}

/** A name normalised to the compact form stored in the search index. */
export function normaliseName(parts: readonly (string | null | undefined)[]): string {
  return normaliseArabic(parts.filter(Boolean).join(' '));
}
