/** Letter reference patterns: formatting, and refusing patterns that could let two letters share a number. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_LETTER_REFERENCE, formatLetterReference, letterReferenceSettings } from '../../shared/letters/reference-pattern';
import { sniffType } from '../../main/attachments/sniff-type';
import { csvCell } from '../../main/calls/csv';
import { isOverdue, riyadhDay, riyadhDayRange } from '../../shared/calls/riyadh-day';

describe('letter reference pattern', () => {
  it('formats the default pattern', () => {
    expect(formatLetterReference(DEFAULT_LETTER_REFERENCE, 'incoming', 1448, 'K01', 123)).toBe('و-1448-K01-000123');
    expect(formatLetterReference(DEFAULT_LETTER_REFERENCE, 'outgoing', 1448, 'K01', 45)).toBe('ص-1448-K01-000045');
  });

  it('requires the year, the counter and the sequence exactly once', () => {
    for (const pattern of ['{kind}-{seq}', '{kind}-{year}-{seq}', '{year}-{counter}-{seq}-{seq}', '{year}{counter}{seq}{oops}']) {
      expect(letterReferenceSettings.safeParse({ ...DEFAULT_LETTER_REFERENCE, pattern }).success).toBe(false);
    }
    expect(letterReferenceSettings.safeParse({ ...DEFAULT_LETTER_REFERENCE, outgoingMark: 'و' }).success).toBe(false);
    expect(letterReferenceSettings.safeParse({ ...DEFAULT_LETTER_REFERENCE, pattern: '{counter}/{year}/{seq}' }).success).toBe(true);
  });

  it('gives distinct numbers for distinct (kind, year, counter, sequence) under any valid pattern', () => {
    const codes = fc.constantFrom('K01', 'K02', 'K10');
    fc.assert(
      fc.property(
        fc.constantFrom('{kind}-{year}-{counter}-{seq}', '{counter}/{year}/{kind}/{seq}', '{year}{kind}{counter}-{seq}'),
        fc.uniqueArray(fc.tuple(fc.constantFrom('incoming', 'outgoing'), fc.integer({ min: 1447, max: 1450 }), codes, fc.integer({ min: 1, max: 99999 })), {
          selector: (x) => x.join('|'),
          maxLength: 40,
        }),
        (pattern, keys) => {
          const s = { ...DEFAULT_LETTER_REFERENCE, pattern };
          const refs = keys.map(([k, y, c, n]) => formatLetterReference(s, k as 'incoming', y, c, n));
          return new Set(refs).size === refs.length;
        },
      ),
    );
  });
});

describe('attachment type sniffing and CSV cells', () => {
  it('knows PDFs and images by their first bytes only', () => {
    expect(sniffType(Buffer.from('%PDF-1.4 ...'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(Buffer.from('MZ\x90\0'))).toBeNull();
    expect(sniffType(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('quotes CSV cells and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+9665')).toBe("'+9665");
    expect(csvCell(null)).toBe('');
  });
});

describe('the counter day in Riyadh', () => {
  it('runs from 21:00 UTC the day before', () => {
    expect(riyadhDayRange('2026-11-29')).toEqual({ start: '2026-11-28T21:00:00.000Z', end: '2026-11-29T21:00:00.000Z' });
    expect(riyadhDay(new Date('2026-11-28T21:30:00Z'))).toBe('2026-11-29');
    expect(isOverdue('2026-11-28', new Date('2026-11-28T21:30:00Z'))).toBe(true);
    expect(isOverdue('2026-11-29', new Date('2026-11-28T21:30:00Z'))).toBe(false);
    expect(isOverdue(null, new Date())).toBe(false);
  });
});
