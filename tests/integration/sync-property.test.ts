/**
 * Property: for random schedules of writes and syncs across three counters (fast-check), after
 * everyone syncs, no record is lost, none is doubled, and every counter equals the central copy.
 * One PostgreSQL for all schedules, emptied between them; counters start from template files so
 * a schedule costs its syncs, not three fresh installations. SYNC_PROPERTY_RUNS overrides the
 * number of schedules (default 300).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, openLightCounter, snapshot, type TestCounter } from '../support/sync-counters';
import { createBeneficiary, editBeneficiary } from '../support/sync-ops';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 300);
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
