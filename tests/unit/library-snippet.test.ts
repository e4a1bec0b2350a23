/** The line shown under a library search hit: the one with most query words, with context when short, as written. */
import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../main/library/snippet';
import { normaliseArabic } from '../../shared/text/arabic-normalise';

const page = [
  'الهدف العام',
  'تقديم خدمة متميزة للمستفيدين من كافة الشرائح باتقان وسرعة وجوده عالية لإنجاز معاملاتهم ومتابعة متطلباتهم',
  'الأهداف التفصيلية',
  '- التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال',
  'مدة لا تقل عن أسبوعين.',
].join('\n');
const words = (q: string) => normaliseArabic(q).split(' ');

describe('library search snippet', () => {
  it('shows the line holding most of the words, in its written spelling', () => {
    const s = snippetAround(page, words('الاهداف التفصيليه'));
    expect(s).toContain('الأهداف التفصيلية');
    expect(s.startsWith('تقديم خدمة')).toBe(true);
  });

  it('gives a short line its neighbours, so the sentence can be read', () => {
    const s = snippetAround(page, words('اسبوعين'));
    expect(s).toContain('مدة لا تقل عن أسبوعين.');
    expect(s).toContain('للجنة البحث');
    expect(s.length).toBeLessThanOrEqual(201);
  });

  it('cuts a long passage with an ellipsis', () => {
    const s = snippetAround('كلمة '.repeat(100), ['كلمه']);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBe(201);
  });
});
