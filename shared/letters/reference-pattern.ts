/**
 * Letter reference numbers follow a pattern the society configures, e.g. `{kind}-{year}-{counter}-{seq}`
 * giving `و-1448-K01-000123`. The pattern must contain the year, the counter code and the sequence:
 * the sequence restarts each Hijri year and is kept per counter, so dropping any of the three
 * would let two letters share a number.
 */
import { z } from 'zod';

export const LETTER_KINDS = ['incoming', 'outgoing'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const REQUIRED_TOKENS = ['{year}', '{counter}', '{seq}'] as const;

export const letterReferenceSettings = z.object({
  pattern: z
    .string()
    .trim()
    .min(1, 'required')
    .max(60, 'tooLong')
    .refine((p) => REQUIRED_TOKENS.every((t) => p.split(t).length === 2), 'letters.pattern')
    .refine((p) => !/[{}]/.test(p.replace(/\{(kind|year|counter|seq)\}/g, '')), 'letters.pattern'),
  incomingMark: z.string().trim().min(1, 'required').max(4, 'tooLong').refine((s) => !/[{}]/.test(s), 'invalid'),
  outgoingMark: z.string().trim().min(1, 'required').max(4, 'tooLong').refine((s) => !/[{}]/.test(s), 'invalid'),
  digits: z.number().int().min(3).max(8),
}).refine((s) => s.incomingMark !== s.outgoingMark, { message: 'letters.marksEqual', path: ['outgoingMark'] });
export type LetterReferenceSettings = z.infer<typeof letterReferenceSettings>;

export const DEFAULT_LETTER_REFERENCE: LetterReferenceSettings = {
  pattern: '{kind}-{year}-{counter}-{seq}',
  incomingMark: 'و',
  outgoingMark: 'ص',
  digits: 6,
};

export function formatLetterReference(
  settings: LetterReferenceSettings,
  kind: LetterKind,
  year: number,
  counterCode: string,
  sequence: number,
): string {
  const mark = kind === 'incoming' ? settings.incomingMark : settings.outgoingMark;
  return settings.pattern
    .replace('{kind}', mark)
    .replace('{year}', String(year))
    .replace('{counter}', counterCode)
    .replace('{seq}', String(sequence).padStart(settings.digits, '0'));
}

/** The sequence key of each kind: stable even when the society changes the visible marks. */
export const LETTER_SEQUENCE_KINDS: Record<LetterKind, string> = { incoming: 'LTR-IN', outgoing: 'LTR-OUT' };

/**
 * A reference as shown inside left-to-right text: a left-to-right mark after each Arabic mark
 * keeps `و-1448-K01-000123` in its written order (without it, the bidi algorithm turns the
 * digits after an Arabic letter into Arabic numbers and shows `1448-و-K01-…`). Display only:
 * the stored, exported and searched reference has no marks.
 */
export function displayReference(reference: string): string {
  return reference.replace(/([\u0600-\u06FF]+)/g, '$1\u200E');
}

/** Undoes `displayReference` (and any other direction marks) on text typed or pasted by a user. */
export function stripDirectionMarks(text: string): string {
  return text.replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '');
}
