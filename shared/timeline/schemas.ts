/**
 * One chronological timeline per beneficiary across every channel. Each source (calls, letters,
 * contacts here; interviews, requests, decisions, receipts from their own domains) contributes
 * items of its own `kind`; the kind is an open string so a new source needs no change here.
 */
import { z } from 'zod';

export const KNOWN_TIMELINE_KINDS = ['interview', 'call', 'letter', 'request', 'decision', 'receipt', 'contact'] as const;

export const timelineItem = z.object({
  id: z.string(),
  kind: z.string(),
  /** ISO instant the item happened. */
  at: z.string(),
  title: z.object({ ar: z.string(), en: z.string() }),
  detail: z.string().nullable(),
  reference: z.string().nullable(),
  staffName: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelineResult = z.object({
  items: z.array(timelineItem),
  /** Every kind this beneficiary has items of, for the filter (before filtering). */
  kinds: z.array(z.object({ kind: z.string(), count: z.number().int() })),
});
export type TimelineResult = z.infer<typeof timelineResult>;
