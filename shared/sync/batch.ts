/** What travels between a counter and the central database. */
import type { Row } from './canonical';

export interface PushChange {
  /** The counter's outbox sequence number: per device, strictly increasing, never reused. */
  seq: number;
  table: string;
  key: string;
  op: 'upsert' | 'delete';
  row: Row | null;
  rowHash: string;
  /** Optional: the row's canonical JSON text (the text `rowHash` hashes), sent as is when present. */
  rowText?: string | null;
  hlc: string;
  /** The central change this counter's copy was based on (0 = never synchronised). */
  baseSeq: number;
}

/** A change's row as JSON text: its canonical text when it carries one (never re-encoded), else encoded. */
export function rowJson(c: PushChange): string {
  return c.rowText !== undefined ? (c.rowText ?? 'null') : JSON.stringify(c.row);
}

export interface PushBatch {
  deviceId: string;
  counterId: string;
  /** Every outbox entry up to here is covered by this batch (superseded entries are not sent). */
  toSeq: number;
  changes: PushChange[];
}

export type PushOutcome = { seq: number; status: 'accepted'; changeSeq: number } | { seq: number; status: 'stale' };

export interface PulledChange {
  changeSeq: number;
  deviceId: string;
  table: string;
  key: string;
  op: 'upsert' | 'delete';
  row: Row | null;
  hlc: string;
}

/**
 * The decision the central side makes for one change of a batch. Pure, so it is property-tested;
 * the central function `istiqbal_push` (main/central/migrations/0002) applies the same rule in SQL.
 */
export function decideChange(
  change: Pick<PushChange, 'seq' | 'baseSeq'>,
  highWater: number,
  central: { changeSeq: number; originDevice: string } | undefined,
  deviceId: string,
): 'replayed' | 'accept' | 'stale' {
  if (change.seq <= highWater) return 'replayed';
  if (!central) return 'accept';
  // Accept when this counter saw the latest central version, or wrote it itself.
  if (central.changeSeq === change.baseSeq || central.originDevice === deviceId) return 'accept';
  return 'stale';
}

export const SKEW_LIMIT_MS = 5 * 60 * 1000;
