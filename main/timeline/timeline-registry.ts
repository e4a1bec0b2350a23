/**
 * The beneficiary timeline is assembled from sources each domain registers: calls, letters and
 * contacts here; interviews, requests, decisions and receipts register theirs from their own
 * domains with `core.timeline.register(...)`, with no change to this file.
 */
import type { TimelineItem, TimelineResult } from '../../shared/timeline/schemas';

export interface TimelineSource {
  /** The kind of item this source gives (`call`, `letter`, `interview`…), used by the filters. */
  kind: string;
  /** Items about one beneficiary, newest first, at most `limit`. */
  forBeneficiary(beneficiaryId: string, limit: number): Promise<TimelineItem[]>;
}

export function createTimelineRegistry() {
  const sources = new Map<string, TimelineSource>();
  return {
    register(source: TimelineSource): void {
      sources.set(source.kind, source);
    },
    kinds: () => [...sources.keys()],
    async forBeneficiary(beneficiaryId: string, kinds: readonly string[] | null | undefined, limit: number): Promise<TimelineResult> {
      const all = await Promise.all([...sources.values()].map(async (s) => ({ kind: s.kind, items: await s.forBeneficiary(beneficiaryId, limit) })));
      const counts = all.filter((a) => a.items.length > 0).map((a) => ({ kind: a.kind, count: a.items.length }));
      const wanted = kinds && kinds.length > 0 ? new Set(kinds) : null;
      const items = all
        .filter((a) => !wanted || wanted.has(a.kind))
        .flatMap((a) => a.items)
        .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.id < y.id ? 1 : -1))
        .slice(0, limit);
      return { items, kinds: counts };
    },
  };
}

export type TimelineRegistry = ReturnType<typeof createTimelineRegistry>;
