/**
 * Human reference numbers: `B-1448-K01-000123` is kind, Umm al-Qura year, the counter's code and
 * that counter's own sequence. Counters number independently while offline and never collide,
 * because the counter code is part of every number.
 */
export const REFERENCE_KINDS = {
  beneficiary: 'B',
} as const;
export type ReferenceKind = keyof typeof REFERENCE_KINDS;

export function formatReference(prefix: string, hijriYear: number, counterCode: string, sequence: number): string {
  return `${prefix}-${hijriYear}-${counterCode}-${String(sequence).padStart(6, '0')}`;
}
