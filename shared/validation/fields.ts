/**
 * Reusable zod fields for forms and the router. Each rule fails with a key of
 * `i18n/validation-messages.ts`; Eastern Arabic digits are folded before any check.
 */
import { z } from 'zod';
import { toLatinDigits } from '../text/digits';
import { normaliseSaudiMobile } from './phone';
import { normaliseSaudiIban } from './iban';
import { hijriToGregorian, isRealGregorianDay, parseDayText } from '../dates/hijri-input';

/** A choice from a fixed list; nothing chosen reads as "required", not as "invalid". */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid') });

/** Free text, trimmed; an empty box means "not given" (null), never an empty string in the store. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .nullish()
    .transform((s) => (s ? s : null));

export const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

const ARABIC_LETTERS = /^[\u0600-\u06FF\s]+$/;

/** One part of the four-part Arabic name. */
export const arabicNamePart = requiredText(40).refine((s) => ARABIC_LETTERS.test(s), 'name.arabic');

export const mobileField = z.string().transform((s, ctx) => {
  const e164 = normaliseSaudiMobile(s);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: s.trim() === '' ? 'required' : 'mobile.invalid' });
    return z.NEVER;
  }
  return e164;
});

export const optionalMobileField = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || s.trim() === '') return null;
    const e164 = normaliseSaudiMobile(s);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'mobile.invalid' });
      return z.NEVER;
    }
    return e164;
  });

export const optionalIbanField = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || s.trim() === '') return null;
    const iban = normaliseSaudiIban(s);
    if (!iban) {
      ctx.addIssue({ code: 'custom', message: 'iban.invalid' });
      return z.NEVER;
    }
    return iban;
  });

/** A Gregorian day typed as `YYYY-MM-DD` or `DD/MM/YYYY`, stored as `YYYY-MM-DD`. */
export const optionalGregorianDay = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || s.trim() === '') return null;
    const day = parseDayText(toLatinDigits(s.trim()));
    if (!day || !isRealGregorianDay(day)) {
      ctx.addIssue({ code: 'custom', message: 'date.invalid' });
      return z.NEVER;
    }
    return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  });

/** A date of birth read off a document in either calendar; the store keeps Gregorian. */
export const birthDateField = z
  .object({ calendar: z.enum(['gregorian', 'hijri']), value: z.string() })
  .nullish()
  .transform((d, ctx) => {
    if (!d || d.value.trim() === '') return null;
    const day = parseDayText(toLatinDigits(d.value.trim()));
    const iso =
      day && d.calendar === 'hijri'
        ? hijriToGregorian(day)
        : day && isRealGregorianDay(day)
          ? `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`
          : null;
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'date.invalid', path: ['value'] });
      return z.NEVER;
    }
    if (iso > new Date().toISOString().slice(0, 10)) {
      ctx.addIssue({ code: 'custom', message: 'date.future', path: ['value'] });
      return z.NEVER;
    }
    return iso;
  });

/** An amount in riyals typed with any digits; empty means not given. */
export const optionalAmount = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(toLatinDigits(v).replace(/[,٬\s]/g, '').replace('٫', '.'));
    if (!Number.isFinite(n) || n < 0 || n > 10_000_000) {
      ctx.addIssue({ code: 'custom', message: 'income.invalid' });
      return z.NEVER;
    }
    return Math.round(n * 100) / 100;
  });
