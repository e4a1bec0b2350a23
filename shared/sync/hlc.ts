/**
 * Hybrid logical clock: wall-clock milliseconds plus a counter, so that causally later changes
 * always compare greater even when a counter's clock runs behind another's. Encoded as a
 * fixed-width string so that SQLite, PostgreSQL and JavaScript all order it the same way.
 */
export interface Hlc {
  ms: number;
  counter: number;
  node: string;
}

export const HLC_ZERO: Hlc = { ms: 0, counter: 0, node: '' };
const MAX_COUNTER = 9_999_999_999;

/** A local event (a write): strictly after the previous stamp. */
export function hlcSend(prev: Hlc, nowMs: number): Hlc {
  if (nowMs > prev.ms) return { ms: nowMs, counter: 0, node: prev.node };
  return bump({ ms: prev.ms, counter: prev.counter + 1, node: prev.node });
}

/** A remote stamp seen (a pull): after both the local and the remote stamp. */
export function hlcReceive(prev: Hlc, remote: Hlc, nowMs: number): Hlc {
  const ms = Math.max(prev.ms, remote.ms, nowMs);
  let counter: number;
  if (ms === prev.ms && ms === remote.ms) counter = Math.max(prev.counter, remote.counter) + 1;
  else if (ms === prev.ms) counter = prev.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  else counter = 0;
  return bump({ ms, counter, node: prev.node });
}

function bump(h: Hlc): Hlc {
  // The counter is bounded so the encoding stays fixed-width; overflow borrows a millisecond.
  return h.counter > MAX_COUNTER ? { ms: h.ms + 1, counter: 0, node: h.node } : h;
}

export function hlcCompare(a: Hlc, b: Hlc): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/** `000001764000000000-0000000003-<node>`: string order equals clock order. */
export function hlcEncode(h: Hlc): string {
  return `${String(h.ms).padStart(15, '0')}-${String(h.counter).padStart(10, '0')}-${h.node}`;
}

export function hlcDecode(s: string): Hlc {
  const m = /^(\d{15})-(\d{10})-(.*)$/.exec(s);
  if (!m) throw new Error(`not a hybrid logical clock stamp: ${s}`);
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}
