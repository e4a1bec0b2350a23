import { describe, expect, it } from 'vitest';
import { normaliseArabic, normaliseName } from '../../shared/text/arabic-normalise';
import { digitsOnly, toLatinDigits } from '../../shared/text/digits';

describe('digits', () => {
  it('folds Eastern Arabic and Persian digits to ASCII', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('هوية ١٠٢٣')).toBe('هوية 1023');
  });
  it('keeps digits only from a typed identifier', () => {
    expect(digitsOnly('١٠٠ ٠٠٠-٠٠٠٨')).toBe('1000000008');
  });
});

describe('Arabic name normalisation', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['فاطمة', 'فاطمه'],
    ['مصطفى', 'مصطفي'],
    ['مُحَمَّد', 'محمد'],
    ['محـــمد', 'محمد'],
    ['عبد الله', 'عبدالله'],
    ['عبد الرحمن بن سعد', 'عبدالرحمن بن سعد'],
    ['خالد ابن الوليد', 'خالد بن الوليد'],
    ['أبو بكر', 'ابو بكر'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseArabic(input)).toBe(expected);
  });

  it('makes spelling variants of the same four-part name equal', () => {
    const a = normaliseName(['أحمد', 'محمد', 'عبد الله', 'القحطاني']);
    const b = normaliseName(['احمد', 'مُحمد', 'عبدالله', 'القحطانى']);
    expect(a).toBe(b);
  });

  it('does not merge different names', () => {
    expect(normaliseArabic('سعد')).not.toBe(normaliseArabic('سعيد'));
  });

  it('does not treat عبد inside a longer word as a compound', () => {
    expect(normaliseArabic('عبده سالم')).toBe('عبده سالم');
  });
});
