/**
 * Property: for random schedules of writes and syncs across three counters (fast-check), after
 * everyone syncs, no record is lost, none is doubled, and every counter equals the central copy.
 * One PostgreSQL for all schedules, emptied between them; counters start from template files so
 * a schedule costs its syncs, not three fresh installations. SYNC_PROPERTY_RUNS overrides the
 * number of schedules (default 300).
 *
 * A second property for support requests decided on several counters before a sync
 * (synced-tables.ts): a request submitted at K01 reaches every counter, then random decisions
 * (through the real request service, by counters that still see it waiting) and syncs. Its model:
 * every decision row arrives everywhere once; decision_ms is the earliest decision's time on every
 * counter and centrally; one outcome merges quietly (no open conflict); different outcomes are
 * never settled by a stamp: each is either the status or a counter's own value in an open
 * conflict-queue entry for the request's status. SYNC_DECISION_RUNS overrides its count (default 100).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, openLightCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { actorOf, adminId, createBeneficiary, editBeneficiary } from '../support/sync-ops';
import { createRequestService } from '../../main/requests/request-service';
import { uuidV7 } from '../../main/core/clock';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 300);
const DECISION_RUNS = Number(process.env.SYNC_DECISION_RUNS ?? 100);
const CODES = ['K01', 'K02', 'K03'];
let central: TestCentral;
const templates: string[] = [];
let dir: string;

beforeAll(async () => {
  central = await startTestCentral(54333);
  dir = mkdtempSync(join(tmpdir(), 'istiqbal-sync-prop-'));
  for (const code of CODES) {
    const c = await createTestCounter(central, code);
    const file = join(dir, `${code}.sqlite`);
    await c.core.close();
    copyFileSync(join(c.core.dir, 'istiqbal.sqlite'), file);
    templates.push(file);
  }
}, 120_000);
afterAll(async () => {
  await central?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Op =
  | { kind: 'create'; at: number; n: number }
  | { kind: 'edit'; at: number; pick: number; field: 'notes' | 'city' | 'family_name'; value: number }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'sync'; at: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), at: fc.nat(2), n: fc.integer({ min: 1, max: 12 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(2), pick: fc.nat(), field: fc.constantFrom('notes' as const, 'city' as const, 'family_name' as const), value: fc.nat(3) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(2), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), at: fc.nat(2) }) },
);

const VALUES = ['الشمري', 'الشهري', 'العتيبي', 'الدوسري'];

it(`${RUNS} random schedules of writes and syncs converge with no loss and no duplicates`, async () => {
  let schedule = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
      schedule++;
      await central.truncate();
      const work = mkdtempSync(join(tmpdir(), 'istiqbal-sync-run-'));
      const cs: TestCounter[] = [];
      try {
        for (let i = 0; i < CODES.length; i++) {
          const file = join(work, `${CODES[i]}.sqlite`);
          copyFileSync(templates[i]!, file);
          cs.push(await openLightCounter(central, file, CODES[i]!));
        }
        const created = new Set<string>();
        for (const o of ops) {
          const c = cs[o.at]!;
          if (o.kind === 'sync') {
            expect((await c.sync()).status).toBe('ok');
            continue;
          }
          if (o.kind === 'create') {
            // The same ID on one counter is refused by the registry; across counters it is queued.
            const b = await createBeneficiary(c, o.n).catch(() => null);
            if (b) created.add(b.id);
            continue;
          }
          const live = await c.core.db.selectFrom('beneficiaries').select('id').where('deleted_at', 'is', null).orderBy('id').execute();
          if (live.length === 0) continue;
          const id = live[o.pick % live.length]!.id;
          if (o.kind === 'delete') await editBeneficiary(c, id, { deleted_at: new Date().toISOString() });
          else await editBeneficiary(c, id, { [o.field]: o.field === 'family_name' ? VALUES[o.value]! : `${o.field}-${o.value}` });
        }
        for (let round = 0; round < 2; round++) for (const c of cs) expect((await c.sync()).status).toBe('ok');

        const expected = await centralSnapshot(central);
        const centralIds = expected.beneficiaries!.map((r) => JSON.parse(r).id as string).sort();
        // No loss, no duplicates: exactly the records created, once each, centrally and everywhere.
        expect(centralIds).toEqual([...created].sort());
        const audits = expected.audit_log!.map((r) => JSON.parse(r)).filter((a) => a.entity === 'beneficiary' && a.action === 'create');
        expect(audits.map((a) => a.entity_id).sort()).toEqual([...created].sort());
        for (const c of cs) {
          expect(await snapshot(c)).toEqual(await centralSnapshot(central, c));
          expect(await c.core.db.selectFrom('sync_outbox' as never).selectAll().execute()).toEqual([]);
        }
      } finally {
        for (const c of cs) await c.core.close();
        rmSync(work, { recursive: true, force: true });
      }
    }),
    { numRuns: RUNS, seed: process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined },
  );
  expect(schedule).toBeGreaterThanOrEqual(RUNS);
}, 1_800_000);

type DecisionOp = { kind: 'decide'; at: number; decision: 'accept' | 'reject' | 'request_info' } | { kind: 'sync'; at: number };

const decisionOp: fc.Arbitrary<DecisionOp> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decide' as const), at: fc.nat(2), decision: fc.constantFrom('accept' as const, 'reject' as const, 'request_info' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), at: fc.nat(2) }) },
);

const OUTCOME = { accept: 'accepted', reject: 'rejected', request_info: 'more_info_needed' } as const;

/** A support request as submitted at this counter (the parts a decision reads), written as any service's write is. */
async function submitRequest(c: TestCounter, beneficiaryId: string): Promise<string> {
  const at = new Date().toISOString();
  const userId = await adminId(c);
  const id = uuidV7();
  await c.core.db
    .insertInto('support_requests')
    .values({
      ...{ id, reference: null, beneficiary_id: beneficiaryId, visit_id: null, support_type: 'rent', amount: 1000, items: null, justification: 'بلا دخل ثابت' },
      ...{ status: 'submitted', version: 1, updated_by: userId, submitted_at: at, earliest_decision_at: null, decision_ms: null },
      ...{ signature_method: null, signature_png: null, declaration_version: null, declaration_text: null, signed_at: null, signed_marked_by: null, seal_hash: null },
      ...{ created_at: at, updated_at: at, created_by: userId, counter_id: c.counterId, deleted_at: null },
    })
    .execute();
  return id;
}

it(`${DECISION_RUNS} random schedules of committee decisions on three counters: earliest time everywhere, no silent outcome`, async () => {
  let schedule = 0;
  let differing = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(decisionOp, { minLength: 1, maxLength: 10 }), async (ops) => {
      schedule++;
      await central.truncate();
      const work = mkdtempSync(join(tmpdir(), 'istiqbal-sync-dec-'));
      const cs: TestCounter[] = [];
      try {
        for (let i = 0; i < CODES.length; i++) {
          const file = join(work, `${CODES[i]}.sqlite`);
          copyFileSync(templates[i]!, file);
          cs.push(await openLightCounter(central, file, CODES[i]!));
        }
        const id = await submitRequest(cs[0]!, (await createBeneficiary(cs[0]!, 1)).id);
        for (const c of cs) expect((await c.sync()).status).toBe('ok');

        const decided: { id: string; outcome: string }[] = [];
        for (const o of ops) {
          const c = cs[o.at]!;
          if (o.kind === 'sync') {
            expect((await c.sync()).status).toBe('ok');
            continue;
          }
          // Only a counter that still sees the request waiting can decide it (the service refuses otherwise).
          const row = await c.core.db.selectFrom('support_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow();
          if (row.status !== 'submitted') continue;
          await createRequestService({ db: c.core.db, clock: c.core.clock, newId: uuidV7 }).decide(actorOf(c, await adminId(c)), { id, decision: o.decision, reason: 'قرار اللجنة' });
          const mine = await c.core.db.selectFrom('request_decisions').select('id').where('request_id', '=', id).where('counter_id', '=', c.counterId).executeTakeFirstOrThrow();
          decided.push({ id: mine.id, outcome: OUTCOME[o.decision] });
        }
        for (let round = 0; round < 2; round++) for (const c of cs) expect((await c.sync()).status).toBe('ok');

        const expected = await centralSnapshot(central);
        for (const c of cs) {
          expect(await snapshot(c)).toEqual(await centralSnapshot(central, c));
          expect(await c.core.db.selectFrom('sync_outbox' as never).selectAll().execute()).toEqual([]);
        }
        const r = JSON.parse(expected.support_requests!.find((x) => JSON.parse(x).id === id)!) as { status: string; decision_ms: number | null; submitted_at: string };
        const decisions = expected.request_decisions!.map((x) => JSON.parse(x) as { id: string; created_at: string });
        // Every decision once, centrally (and so on every counter).
        expect(decisions.map((d) => d.id).sort()).toEqual(decided.map((d) => d.id).sort());
        const queued = (await Promise.all(cs.map((c) => c.core.db.selectFrom('sync_conflicts' as never).selectAll().where('resolved_at' as never, 'is', null).execute()))).flat() as {
          table_name: string;
          row_key: string;
          field: string | null;
          local_value: string | null;
        }[];
        expect(queued.every((q) => q.table_name === 'support_requests' && q.row_key === id && q.field === 'status')).toBe(true);
        if (decided.length === 0) {
          expect([r.status, r.decision_ms, queued.length]).toEqual(['submitted', null, 0]);
          return;
        }
        // The first decision's time, whichever counter decided or synced first.
        expect(r.decision_ms).toBe(Math.min(...decisions.map((d) => Date.parse(d.created_at))) - Date.parse(r.submitted_at));
        const outcomes = new Set(decided.map((d) => d.outcome));
        if (outcomes.size === 1) {
          expect(r.status).toBe([...outcomes][0]);
          expect(queued).toEqual([]);
        } else {
          differing++;
          expect(new Set([r.status, ...queued.map((q) => JSON.parse(q.local_value!) as string)])).toEqual(outcomes);
        }
      } finally {
        for (const c of cs) await c.core.close();
        rmSync(work, { recursive: true, force: true });
      }
    }),
    { numRuns: DECISION_RUNS, seed: process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined },
  );
  expect(schedule).toBeGreaterThanOrEqual(DECISION_RUNS);
  // The schedules did reach the case under test: different outcomes decided before a sync.
  if (DECISION_RUNS >= 50) expect(differing).toBeGreaterThan(0);
}, 1_800_000);
