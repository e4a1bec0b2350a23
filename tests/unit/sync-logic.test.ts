/** Pure sync rules, property-tested: the hybrid clock, the per-field merge, digests, replays. */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hlcCompare, hlcDecode, hlcEncode, hlcReceive, hlcSend, type Hlc } from '../../shared/sync/hlc';
import { mergeRow } from '../../shared/sync/merge';
import { differingRanges, rangeDigests } from '../../shared/sync/digest';
import { decideChange } from '../../shared/sync/batch';
import { canonicalRow, sameButNewColumns } from '../../shared/sync/canonical';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const hlc = fc.record({ ms: fc.integer({ min: 0, max: 4_000_000_000_000 }), counter: fc.integer({ min: 0, max: 1000 }), node: fc.constantFrom('a', 'b', 'c') });

describe('hybrid logical clock', () => {
  it('send is strictly after the previous stamp, whatever the wall clock does', () => {
    fc.assert(
      fc.property(hlc, fc.integer({ min: 0, max: 4_000_000_000_000 }), (prev: Hlc, now) => {
        expect(hlcCompare(hlcSend(prev, now), prev)).toBe(1);
      }),
    );
  });
  it('receive is after both the local and the remote stamp', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.integer({ min: 0, max: 4_000_000_000_000 }), (local, remote, now) => {
        const next = hlcReceive(local, { ...remote, node: local.node }, now);
        expect(hlcCompare(next, local)).toBe(1);
        expect(next.ms > remote.ms || (next.ms === remote.ms && next.counter > remote.counter)).toBe(true);
      }),
    );
  });
  it('the encoding orders as the clock does and decodes back', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(hlcDecode(hlcEncode(a))).toEqual(a);
        const ea = hlcEncode(a);
        const eb = hlcEncode(b);
        expect(ea === eb ? 0 : ea < eb ? -1 : 1).toBe(hlcCompare(a, b));
      }),
    );
  });
});

const value = fc.constantFrom('x', 'y', 'z', null);
const time = fc.constantFrom(1, 2, 3, null);
const row = fc.record({ id: fc.constant('k'), first_name: value, family_name: value, city: value, notes: value, decision_ms: time });

describe('per-field merge', () => {
  const identity = ['first_name', 'family_name'];
  it('takes the one-sided change of every field, and never drops a value silently', () => {
    fc.assert(
      fc.property(row, row, row, fc.boolean(), (base, local, remote, remoteLater) => {
        const { row: out, conflicts } = mergeRow({
          mergeClass: 'fields',
          identityFields: identity,
          fieldRules: { decision_ms: 'earliest' },
          base,
          local,
          remote,
          localHlc: remoteLater ? '1' : '2',
          remoteHlc: remoteLater ? '2' : '1',
        });
        for (const f of Object.keys(base) as (keyof typeof base)[]) {
          const v = out![f];
          if (local[f] === base[f]) expect(v).toBe(remote[f]);
          else if (remote[f] === base[f]) expect(v).toBe(local[f]);
          else if (local[f] !== remote[f] && f === 'decision_ms' && local[f] !== null && remote[f] !== null) {
            // A first-event time: the earlier of the two, whichever side wrote later.
            expect(v).toBe(Math.min(local[f] as number, remote[f] as number));
          } else if (local[f] !== remote[f] && identity.includes(f)) {
            // Identity data: the central value stays, the local one waits in the queue.
            expect(v).toBe(remote[f]);
            expect(conflicts).toContainEqual({ field: f, localValue: local[f], remoteValue: remote[f] });
          } else if (local[f] !== remote[f]) expect(v).toBe(remoteLater ? remote[f] : local[f]);
        }
        expect(conflicts.every((c) => identity.includes(c.field))).toBe(true);
      }),
    );
  });
  it('append-mostly rows never conflict', () => {
    fc.assert(
      fc.property(row, row, row, (base, local, remote) => {
        expect(mergeRow({ mergeClass: 'append', identityFields: [], base, local, remote, localHlc: '1', remoteHlc: '2' })).toEqual({ row: remote, conflicts: [] });
      }),
    );
  });
});

describe('rows pushed before a migration added columns', () => {
  it('differ from the local row only by keys the central copy lacks and the counter holds as null', () => {
    const central = { id: 'a', name: 'سارة', n: 2 };
    expect(sameButNewColumns({ n: 2, name: 'سارة', id: 'a', wait_ms: null }, central)).toBe(true);
    expect(sameButNewColumns({ id: 'a', name: 'سارة', n: 2 }, central)).toBe(true);
    expect(sameButNewColumns({ id: 'a', name: 'سارة', n: 2, wait_ms: 5 }, central)).toBe(false);
    expect(sameButNewColumns({ id: 'a', name: 'ساره', n: 2, wait_ms: null }, central)).toBe(false);
    expect(sameButNewColumns({ id: 'a', n: 2, wait_ms: null }, central)).toBe(false);
  });
});

describe('digests and replays', () => {
  it('equal sets give equal range digests in any order; one changed row flags exactly its range', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 40 }), fc.nat(), (keys, pick) => {
        const rows = keys.map((key) => ({ key, rowHash: md5(canonicalRow({ id: key })) }));
        const a = rangeDigests('t', rows, md5);
        const b = rangeDigests('t', [...rows].reverse(), md5);
        expect(differingRanges(a, b)).toEqual([]);
        const changed = rows.map((r, i) => (i === pick % rows.length ? { ...r, rowHash: 'other' } : r));
        const diff = differingRanges(rangeDigests('t', changed, md5), a);
        expect(diff.map((d) => d.range)).toEqual([md5(rows[pick % rows.length]!.key).charAt(0)]);
      }),
    );
  });
  it('a change at or below the high-water mark is a replay; stale only when another counter wrote since', () => {
    expect(decideChange({ seq: 5, baseSeq: 0 }, 5, undefined, 'd')).toBe('replayed');
    expect(decideChange({ seq: 6, baseSeq: 0 }, 5, undefined, 'd')).toBe('accept');
    expect(decideChange({ seq: 6, baseSeq: 10 }, 5, { changeSeq: 10, originDevice: 'e' }, 'd')).toBe('accept');
    expect(decideChange({ seq: 6, baseSeq: 9 }, 5, { changeSeq: 10, originDevice: 'd' }, 'd')).toBe('accept');
    expect(decideChange({ seq: 6, baseSeq: 9 }, 5, { changeSeq: 10, originDevice: 'e' }, 'd')).toBe('stale');
  });
});
