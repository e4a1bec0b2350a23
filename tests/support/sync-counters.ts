/**
 * Counters for sync tests: real cores over real SQLite files, each with its own code and device,
 * a sync engine pointed at the test PostgreSQL, and helpers to write, read and compare data.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sql } from 'kysely';
import { call, createTestCore } from './test-core';
import { createCore, type Core } from '../../main/core/create-core';
import { migrateToLatest, openDatabase } from '../../main/db/open-database';
import { ensureSync } from '../../main/sync/ensure-sync';
import { createBeneficiaryService } from '../../main/beneficiaries/beneficiary-service';
import { uuidV7 } from '../../main/core/clock';
import { createSyncEngine, type SyncHooks } from '../../main/sync/sync-engine';
import { SYNCED_TABLES } from '../../main/sync/synced-tables';
import { stripLocal } from '../../main/sync/local-rows';
import { canonicalRow } from '../../shared/sync/canonical';
import type { Clock } from '../../main/core/clock';
import type { RequestView } from '../../shared/requests/schemas';
import { startTestCentral, type TestCentral } from './sync-postgres';

export type TestCounter = Awaited<ReturnType<typeof createTestCounter>>;

/** A router call on a counter that must succeed: its value, or an error naming the channel. */
export async function okOn<T>(c: TestCounter, channel: string, payload: unknown): Promise<T> {
  const r = await call(c.core as never, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * What the counter officer does before the committee, through a counter's router: a rent request
 * drafted, every checklist item verified, signed on paper and submitted.
 */
export async function submitRentRequest(c: TestCounter, beneficiaryId: string): Promise<RequestView> {
  let r = await okOn<RequestView>(c, 'requests:createDraft', { beneficiaryId, data: { supportType: 'rent', amount: 1500, justification: 'الأسرة بلا دخل ثابت' } });
  for (const item of r.checklist) {
    r = await okOn<RequestView>(c, 'requests:verifyItem', { requestId: r.id, itemId: item.id, verified: true, documentNumber: item.needsNumber ? '1000000008' : undefined, expiryDate: item.needsExpiry ? '2030-01-01' : undefined });
  }
  r = await okOn<RequestView>(c, 'requests:sign', { id: r.id, version: r.version, method: 'paper' });
  return okOn<RequestView>(c, 'requests:submit', { id: r.id, version: r.version });
}

/**
 * The life of a sync test file: a central PostgreSQL started before its tests (handed to
 * `started`) and stopped after them, with every counter put in the returned list disposed first.
 * `freshEachTest`: before each test those counters are disposed and the central store emptied.
 */
export function useSyncFleet(port: number, started: (central: TestCentral) => void, options: { freshEachTest?: boolean } = {}): TestCounter[] {
  const counters: TestCounter[] = [];
  let central: TestCentral | undefined;
  const disposeAll = async () => {
    for (const c of counters.splice(0)) await c.dispose().catch(() => undefined);
  };
  beforeAll(async () => {
    central = await startTestCentral(port);
    started(central);
  });
  if (options.freshEachTest) {
    beforeEach(async () => {
      await disposeAll();
      await central!.truncate();
    });
  }
  afterAll(async () => {
    await disposeAll();
    await central?.stop();
  });
  return counters;
}

export interface CounterOptions {
  clock?: Clock;
  hooks?: SyncHooks;
  /** This counter's own login (postgres://counter_k01:…@…); the test superuser by default. */
  url?: string;
}

export async function createTestCounter(central: TestCentral, code: string, options: CounterOptions = {}) {
  const core = await createTestCore(options.clock ? { clock: options.clock } : {});
  const counter = await core.db.selectFrom('counters').select(['id']).executeTakeFirstOrThrow();
  await core.db.updateTable('counters').set({ code, name: `Counter ${code}` }).where('id', '=', counter.id).execute();
  // Each installation's first administrator gets a name of its own, as real counters are set up.
  await core.db.updateTable('users').set({ username: `admin-${code.toLowerCase()}` }).where('counter_id', '=', counter.id).execute();
  return withEngine(central, core, code, counter.id, options);
}

/** A counter over an existing database file (a copy of a template, or after a simulated crash). */
export async function openTestCounter(central: TestCentral, databaseFile: string, code: string, options: CounterOptions = {}) {
  const core = await createCore({ databaseFile, ...(options.clock ? { clock: options.clock } : {}) });
  const counter = await core.db.selectFrom('counters').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
  return withEngine(central, { ...core, dir: '', dispose: () => core.close() }, code, counter.id, options);
}

/**
 * The same counter without the rest of the app (sign-in, printing, walk-in defaults): just its
 * database, the capture triggers, the registry service and the sync engine. For the property
 * test, where hundreds of schedules each open three counters.
 */
export async function openLightCounter(central: TestCentral, databaseFile: string, code: string) {
  const db = openDatabase(databaseFile);
  await migrateToLatest(db);
  await ensureSync(db);
  const clock = { now: () => new Date() };
  const light = {
    db,
    clock,
    newId: uuidV7,
    beneficiaries: createBeneficiaryService({ db, clock, newId: uuidV7 }),
    close: () => db.destroy(),
  };
  const counter = await db.selectFrom('counters').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
  const core = { ...light, dir: '', dispose: () => db.destroy() } as unknown as Core & { dir: string; dispose(): Promise<void> };
  return withEngine(central, core, code, counter.id, {});
}

function withEngine(central: TestCentral, core: Core & { dir: string; dispose(): Promise<void> }, code: string, counterId: string, options: CounterOptions) {
  const counter = { id: counterId };
  const hooks: SyncHooks = options.hooks ?? {};
  const engine = createSyncEngine({
    db: core.db,
    clock: options.clock ?? { now: () => new Date() },
    counterId: async () => counter.id,
    retries: 1,
    backoffMs: 50,
    batchSize: 50,
    pageSize: 50,
    hooks,
    // Attachment files travel too where the counter has the app's file store (not light counters).
    files: (core as Partial<Core>).channels?.attachments,
  });
  return {
    core,
    code,
    counterId: counter.id,
    engine,
    hooks,
    sync: () => engine.run('test', { url: options.url ?? central.url, sslMode: 'disable' }),
    dispose: () => core.dispose(),
  };
}

/** Every synchronised row of a counter (held rows included), canonical, sorted. */
export async function snapshot(counter: TestCounter): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of SYNCED_TABLES) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t.table)}`.execute(counter.core.db);
    const byKey = new Map(rows.rows.map((r) => [String(r[t.key]), canonicalRow(stripLocal(t, r))]));
    const held = await sql<{ row_key: string; row_json: string }>`SELECT row_key, row_json FROM sync_held WHERE table_name = ${t.table}`.execute(counter.core.db);
    for (const h of held.rows) byKey.set(h.row_key, canonicalRow(JSON.parse(h.row_json)));
    out[t.table] = [...byKey.values()].sort();
  }
  return out;
}

/**
 * The central current rows in the same form. Push-only tables (the audit trail…) never travel
 * back, so for a counter they compare with that counter's own rows: pass `forCounter`.
 */
export async function centralSnapshot(central: TestCentral, forCounter?: TestCounter): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const device = forCounter ? (await forCounter.core.db.selectFrom('sync_state' as never).select('value' as never).where('key' as never, '=', 'device_id' as never).executeTakeFirstOrThrow() as { value: string }).value : null;
  for (const t of SYNCED_TABLES) {
    const rows = await central.query<{ row: Record<string, string | number | null> }>(
      `SELECT c.row FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq
       WHERE s.table_name = $1 AND NOT s.deleted AND ($2::text IS NULL OR s.origin_device = $2)`,
      [t.table, t.pushOnly ? device : null],
    );
    out[t.table] = rows.map((r) => canonicalRow(r.row)).sort();
  }
  return out;
}

/** The tables every counter shares (push-only ones, like the audit trail, are each counter's own). */
export function sharedTables(s: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(s).filter(([table]) => !SYNCED_TABLES.find((t) => t.table === table)?.pushOnly));
}
