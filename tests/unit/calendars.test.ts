import { describe, expect, it } from 'vitest';
import { formatGregorian, formatHijri, hijriYear } from '../../shared/dates/calendars';
import { hijriToGregorian, toHijri } from '../../shared/dates/hijri-input';

describe('calendars', () => {
  const day = new Date('2026-11-28T09:00:00Z');
  it('formats Umm al-Qura Hijri explicitly, in Arabic and English', () => {
    expect(formatHijri(day, 'ar')).toBe('18 جمادى الآخرة 1448 هـ');
    expect(formatHijri(day, 'en')).toContain('1448');
    expect(formatGregorian(day, 'ar')).toBe('28 نوفمبر 2026');
    expect(hijriYear(day)).toBe(1448);
  });
  it('uses Riyadh time: 22:30 UTC is already the next day', () => {
    expect(formatGregorian(new Date('2026-11-28T22:30:00Z'), 'en')).toBe('29 November 2026');
  });
  it('converts typed Hijri dates to Gregorian and back', () => {
    expect(hijriToGregorian({ year: 1448, month: 6, day: 18 })).toBe('2026-11-28');
    expect(hijriToGregorian({ year: 1445, month: 9, day: 1 })).toBe('2024-03-11');
    for (const iso of ['1960-01-01', '1985-05-21', '2001-09-11', '2024-02-29']) {
      const h = toHijri(new Date(`${iso}T00:00:00Z`));
      expect(hijriToGregorian(h)).toBe(iso);
    }
  });
  it('refuses Hijri days that do not exist', () => {
    expect(hijriToGregorian({ year: 1448, month: 13, day: 1 })).toBeNull();
    expect(hijriToGregorian({ year: 1448, month: 1, day: 31 })).toBeNull();
  });
});
