/** Blocks shared by several documents: the society's header, the reprint marking, who served. */
import { maskId } from '../../validation/national-id';
import type { OrganisationHeader } from '../document-data';
import { ltr, type Block } from '../document-model';
import { dateWithTime, gregorianDay, hijriDay } from '../paper-dates';

export interface BuildOptions {
  /** Set on a reprint: the paper says "نسخة" and when the copy was printed. */
  reprintedAt?: Date | null;
}

export function headerBlocks(org: OrganisationHeader, title: string, options: BuildOptions): Block[] {
  const blocks: Block[] = [
    { type: 'header', name: org.name, licenceLine: `ترخيص رقم ${ltr(org.licence)}`, logoPng: org.logoPng ?? null },
    { type: 'rule' },
    { type: 'title', text: title },
  ];
  if (options.reprintedAt) {
    blocks.push({ type: 'copy-mark', text: 'نسخة', detail: `أعيدت طباعتها في ${dateWithTime(options.reprintedAt)}` });
  }
  return blocks;
}

export function maskedId(idNumber: string): string {
  return ltr(maskId(idNumber));
}

export function servedBy(counter: { code: string; name?: string | null }, staffName: string): Block[] {
  const counterText = counter.name ? `${counter.name} (${ltr(counter.code)})` : ltr(counter.code);
  return [
    { type: 'field', label: 'الكاونتر', value: counterText },
    { type: 'field', label: 'الموظف', value: staffName },
  ];
}

/** Fills `{name}`-style placeholders; unknown names stay visible so a wrong template is noticed. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * A date in both calendars as two lines ("الموافق" = corresponding to): two dates joined on one
 * line put numbers side by side, which text extraction reads in the wrong order.
 */
export function dateFields(label: string, date: Date): Block[] {
  return [
    { type: 'field', label, value: gregorianDay(date) },
    { type: 'field', label: 'الموافق', value: hijriDay(date) },
  ];
}
