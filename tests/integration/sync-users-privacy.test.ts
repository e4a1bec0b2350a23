/**
 * Accounts, roles and the PDPL registers travel between counters through a real PostgreSQL: a
 * user created and given a role at counter A signs in with that role at counter B; a role change
 * and a password reset made at one counter hold at the other; lock-out stays where the attempts
 * were made; a consent, a new privacy notice version, a data-subject request and a breach
 * recorded at A are at B.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, sharedTables, snapshot, type TestCounter } from '../support/sync-counters';
import { createBeneficiary } from '../support/sync-ops';
import { call } from '../support/test-core';

let central: TestCentral;
let counters: TestCounter[] = [];

beforeAll(async () => {
  central = await startTestCentral(54330);
});
afterAll(async () => {
  await central?.stop();
});
beforeEach(async () => {
  for (const c of counters) await c.dispose().catch(() => undefined);
  counters = [];
  await central.truncate();
});

async function two(): Promise<[TestCounter, TestCounter]> {
  counters = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02')];
  return counters as [TestCounter, TestCounter];
}

async function syncAll(...cs: TestCounter[]) {
  for (const c of cs) expect((await c.sync()).status).toBe('ok');
}

function ok<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

/** Signs in at a counter as that counter's own page would; returns the role or the refusal reason. */
async function signIn(c: TestCounter, username: string, password: string): Promise<string> {
  const r = (await call(c.core, 'auth:signIn', { username, password })) as { ok: boolean; value?: { user: { role: string } }; error?: { details?: { reason?: string } } };
  return r.ok ? r.value!.user.role : `refused:${r.error?.details?.reason ?? '?'}`;
}

/** Back to the counter's administrator (created by the test core's first-run step). */
async function asAdmin(c: TestCounter) {
  expect(await signIn(c, `admin-${c.code.toLowerCase()}`, 'Test-password-2026')).toBe('administrator');
}

describe('users and PDPL registers across counters', () => {
  it('a user created at A signs in at B with that role; a role change and a password reset travel', async () => {
    const [a, b] = await two();
    const sara = ok<{ id: string }>(await call(a.core, 'users:create', { username: 'sara', displayName: 'سارة', role: 'receptionist', password: 'Sara-password-2026' }));
    // Before any sync, B does not know her.
    expect(await signIn(b, 'sara', 'Sara-password-2026')).toBe('refused:bad_credentials');
    await asAdmin(b);
    await syncAll(a, b);
    expect(await signIn(b, 'sara', 'Sara-password-2026')).toBe('receptionist');

    // Promoted at A: a manager at B after the next sync.
    ok(await call(a.core, 'users:update', { id: sara.id, displayName: 'سارة', role: 'manager', active: true }));
    await syncAll(a, b);
    expect(await signIn(b, 'sara', 'Sara-password-2026')).toBe('manager');

    // Password reset at B (by B's administrator): the new one works at A, the old one no longer.
    await asAdmin(b);
    ok(await call(b.core, 'users:resetPassword', { id: sara.id, password: 'Sara-new-password-7' }));
    await syncAll(b, a);
    expect(await signIn(a, 'sara', 'Sara-password-2026')).toBe('refused:bad_credentials');
    expect(await signIn(a, 'sara', 'Sara-new-password-7')).toBe('manager');

    // Deactivated at A: refused at B.
    await asAdmin(a);
    ok(await call(a.core, 'users:update', { id: sara.id, displayName: 'سارة', role: 'manager', active: false }));
    await syncAll(a, b);
    expect(await signIn(b, 'sara', 'Sara-new-password-7')).toBe('refused:bad_credentials');

    // Both counters end with the same accounts (and the same everything else) as the central copy.
    // (Shared tables: reading records writes audit entries, which wait for the next push.)
    for (const c of [a, b]) expect(sharedTables(await snapshot(c))).toEqual(sharedTables(await centralSnapshot(central, c)));
    expect(sharedTables(await snapshot(a))).toEqual(sharedTables(await snapshot(b)));
    const accounts = await b.core.db.selectFrom('users').select('username').orderBy('username').execute();
    expect(accounts.map((u) => u.username)).toEqual(['admin-k01', 'admin-k02', 'sara']);
  });

  it('two counters with an account of the same username: a person chooses who keeps it, the other is renamed everywhere', async () => {
    const [a, b] = await two();
    ok(await call(a.core, 'users:create', { username: 'khalid', displayName: 'خالد أ', role: 'receptionist', password: 'Khalid-at-k01-2026' }));
    ok(await call(b.core, 'users:create', { username: 'khalid', displayName: 'خالد ب', role: 'call_staff', password: 'Khalid-at-k02-2026' }));
    await syncAll(a, b, a);
    const queued = await b.core.sync.conflicts();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: 'unique', table: 'users' });
    expect(queued[0]!.label).toContain('K01');
    expect(queued[0]!.otherLabel).toContain('K02');
    // Until then each counter signs in its own Khalid.
    expect(await signIn(b, 'khalid', 'Khalid-at-k02-2026')).toBe('call_staff');
    await asAdmin(b);
    await b.core.sync.resolve({ userId: (await b.core.db.selectFrom('users').select('id').where('username', '=', 'admin-k02').executeTakeFirstOrThrow()).id, counterId: b.counterId, counterCode: 'K02' }, queued[0]!.id, 'local');
    await syncAll(b, a, b);
    for (const c of [a, b]) {
      expect(await c.core.sync.conflicts()).toEqual([]);
      const names = (await c.core.db.selectFrom('users').select('username').orderBy('username').execute()).map((u) => u.username);
      expect(names).toEqual(['admin-k01', 'admin-k02', 'khalid', 'khalid-k01']);
      expect(await signIn(c, 'khalid', 'Khalid-at-k02-2026')).toBe('call_staff');
      expect(await signIn(c, 'khalid-k01', 'Khalid-at-k01-2026')).toBe('receptionist');
    }
    for (const c of [a, b]) expect(sharedTables(await snapshot(c))).toEqual(sharedTables(await centralSnapshot(central, c)));
  });

  it('a lock-out stays on the counter where the attempts were made and never leaves it', async () => {
    const [a, b] = await two();
    ok(await call(a.core, 'users:create', { username: 'fahad', displayName: 'فهد', role: 'call_staff', password: 'Fahad-password-2026' }));
    await syncAll(a, b);
    for (let i = 0; i < 5; i++) await signIn(a, 'fahad', 'wrong-password-1');
    expect(await signIn(a, 'fahad', 'Fahad-password-2026')).toBe('refused:locked');
    await syncAll(a, b);
    expect(await signIn(b, 'fahad', 'Fahad-password-2026')).toBe('call_staff');
    const central_ = await central.query<{ row: Record<string, unknown> }>(
      `SELECT c.row FROM sync_rows s JOIN sync_changes c ON c.change_seq = s.change_seq WHERE s.table_name = 'users'`,
    );
    for (const r of central_) {
      expect(r.row).not.toHaveProperty('failed_attempts');
      expect(r.row).not.toHaveProperty('locked_until');
      expect(typeof r.row.password_hash === 'string' || r.row.password_hash === null).toBe(true);
    }
  });

  it('a consent, a new notice version, a data-subject request and a breach recorded at A are at B', async () => {
    const [a, b] = await two();
    const person = await createBeneficiary(a, 41);
    const notice = ok<{ version: number; bodyAr: string }>(
      await call(a.core, 'privacy:publishNotice', { bodyAr: 'إشعار الخصوصية — الإصدار الثاني من الجمعية', bodyEn: 'Privacy notice — the society’s second version' }),
    );
    expect(notice.version).toBe(2);
    ok(await call(a.core, 'privacy:recordConsent', { beneficiaryId: person.id, noticeVersion: 2, givenBy: 'self' }));
    ok(await call(a.core, 'privacy:createRequest', { beneficiaryId: person.id, kind: 'access', details: 'نسخة من بياناتي' }));
    ok(await call(a.core, 'privacy:recordBreach', { discoveredAt: new Date().toISOString(), description: 'فقد جهاز', dataKinds: 'أسماء', affectedCount: 3 }));
    await syncAll(a, b, a);

    const consents = ok<{ noticeVersion: number; givenBy: string }[]>(await call(b.core, 'privacy:consents', { beneficiaryId: person.id }));
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ noticeVersion: 2, givenBy: 'self' });
    // Version 2 is the same text at B: the notice in force there, the one the person consented to.
    const atB = ok<{ version: number; bodyAr: string }>(await call(b.core, 'privacy:notice', {}));
    expect(atB).toMatchObject({ version: 2, bodyAr: notice.bodyAr });
    const notices = ok<{ version: number }[]>(await call(b.core, 'privacy:notices', {}));
    expect(notices.map((n) => n.version).sort()).toEqual([1, 2]);
    const requests = ok<{ beneficiaryId: string; kind: string }[]>(await call(b.core, 'privacy:requests', { openOnly: false }));
    expect(requests).toEqual([expect.objectContaining({ beneficiaryId: person.id, kind: 'access' })]);
    const breaches = ok<{ description: string }[]>(await call(b.core, 'privacy:breaches', {}));
    expect(breaches.map((x) => x.description)).toEqual(['فقد جهاز']);
    // (Shared tables: reading records writes audit entries, which wait for the next push.)
    for (const c of [a, b]) expect(sharedTables(await snapshot(c))).toEqual(sharedTables(await centralSnapshot(central, c)));
  });

  it('two counters publishing different texts as the same notice version go to the conflict queue', async () => {
    const [a, b] = await two();
    await syncAll(a, b);
    ok(await call(a.core, 'privacy:publishNotice', { bodyAr: 'نص الإصدار الثاني من العداد الأول', bodyEn: 'Version two from counter one' }));
    ok(await call(b.core, 'privacy:publishNotice', { bodyAr: 'نص الإصدار الثاني من العداد الثاني', bodyEn: 'Version two from counter two' }));
    await syncAll(a, b, a);
    const queued = await b.core.sync.conflicts();
    expect(queued.map((q) => [q.table, q.rowKey, q.field]).sort()).toEqual([
      ['privacy_notices', '2', 'body_ar'],
      ['privacy_notices', '2', 'body_en'],
    ]);
    // Meanwhile both counters hold the central text under version 2: one text per version.
    const textA = await a.core.db.selectFrom('privacy_notices').select('body_ar').where('version', '=', 2).executeTakeFirstOrThrow();
    const textB = await b.core.db.selectFrom('privacy_notices').select('body_ar').where('version', '=', 2).executeTakeFirstOrThrow();
    expect(textB.body_ar).toBe(textA.body_ar);
  });
});
