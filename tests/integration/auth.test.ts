/** Sign-in end to end through the router on a real SQLite file: first run, lock-out, idle lock, sign-out. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestCore, TEST_ADMIN } from '../support/test-core';

type TestCore = Awaited<ReturnType<typeof createTestCore>>;
let core: TestCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

function movableClock(start = Date.parse('2026-03-01T08:00:00Z')) {
  let t = start;
  return { clock: { now: () => new Date(t) }, advanceMinutes: (m: number) => (t += m * 60_000) };
}

const auditActions = async (c: TestCore) => (await c.db.selectFrom('audit_log').select(['action', 'user_id', 'after_json']).orderBy('seq').execute()).map((r) => r.action);

describe('first run', () => {
  it('asks for the first administrator, creates it once, signs it in, and refuses a second setup', async () => {
    core = await createTestCore({ signIn: false });
    expect(await call(core, 'auth:status', {})).toMatchObject({ ok: true, value: { needsFirstAdmin: true, demoCredentials: null } });
    expect(await call(core, 'beneficiaries:search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    const weak = await call(core, 'auth:setupFirstAdmin', { username: 'admin', displayName: 'مدير', password: 'short1' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'password', message: { ar: expect.stringContaining('10') } }] } });

    const setup = await call(core, 'auth:setupFirstAdmin', { username: 'Manager.One', displayName: 'مدير الجمعية', password: 'Khuzam-2026-pass' });
    expect(setup).toMatchObject({ ok: true, value: { user: { displayName: 'مدير الجمعية', role: 'administrator' }, autoSignedIn: false } });
    expect((await call(core, 'auth:status', {})).ok && (await call(core, 'auth:status', {}))).toMatchObject({ value: { needsFirstAdmin: false } });
    // The bootstrap administrator was given the name and password: still one administrator.
    const admins = await core.db.selectFrom('users').select(['username', 'password_hash']).where('role', '=', 'administrator').execute();
    expect(admins).toHaveLength(1);
    expect(admins[0]!.username).toBe('manager.one');
    expect(admins[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const again = await call(core, 'auth:setupFirstAdmin', { username: 'intruder', displayName: 'x', password: 'Another-pass-99' });
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });
});

describe('sign-in', () => {
  it('signs in the test administrator through the real path and records it', async () => {
    core = await createTestCore();
    expect(core.sessions.current()).toMatchObject({ user: { displayName: TEST_ADMIN.displayName, role: 'administrator' }, autoSignedIn: false });
    expect((await auditActions(core)).slice(0, 3)).toEqual(['update', 'sign_in', 'sign_in']);
  });

  it('refuses a wrong password with one message for unknown user and wrong password alike', async () => {
    core = await createTestCore();
    const wrong = await call(core, 'auth:signIn', { username: 'admin', password: 'not-the-password-1' });
    const unknown = await call(core, 'auth:signIn', { username: 'nobody', password: 'not-the-password-1' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'bad_credentials' } } });
    expect(unknown.ok || unknown.error.message).toEqual(wrong.ok || wrong.error.message);
    // The failed attempt did not end the signed-in session.
    expect(core.sessions.current()?.user.role).toBe('administrator');
    expect((await auditActions(core)).filter((a) => a === 'sign_in_failed')).toHaveLength(2);
  });

  it('accepts a password typed in Eastern Arabic digits and a username in capitals', async () => {
    core = await createTestCore();
    expect(await call(core, 'users:create', { username: 'reception1', displayName: 'موظف', role: 'receptionist', password: 'Counter-2026x' })).toMatchObject({ ok: true });
    const r = await call(core, 'auth:signIn', { username: 'RECEPTION1', password: 'Counter-٢٠٢٦x' });
    expect(r).toMatchObject({ ok: true, value: { user: { role: 'receptionist' } } });
  });

  it('locks an account after five failures, refuses even the right password, and opens again after 15 minutes', async () => {
    const { clock, advanceMinutes } = movableClock();
    core = await createTestCore({ clock });
    await call(core, 'users:create', { username: 'clerk', displayName: 'موظف', role: 'receptionist', password: 'Clerk-pass-2026' });
    for (let i = 0; i < 4; i++) {
      expect(await call(core, 'auth:signIn', { username: 'clerk', password: `wrong-pass-${i}0` })).toMatchObject({ error: { details: { reason: 'bad_credentials' } } });
    }
    expect(await call(core, 'auth:signIn', { username: 'clerk', password: 'wrong-pass-50' })).toMatchObject({ error: { details: { reason: 'locked' } } });
    expect(await call(core, 'auth:signIn', { username: 'clerk', password: 'Clerk-pass-2026' })).toMatchObject({ ok: false, error: { details: { reason: 'locked' } } });
    const row = await core.db.selectFrom('users').select('locked_until').where('username', '=', 'clerk').executeTakeFirstOrThrow();
    expect(row.locked_until).toBe('2026-03-01T08:15:00.000Z');
    advanceMinutes(16);
    expect(await call(core, 'auth:signIn', { username: 'clerk', password: 'Clerk-pass-2026' })).toMatchObject({ ok: true });
  });

  it('lets an administrator unlock a locked account at once', async () => {
    core = await createTestCore();
    const created = await call(core, 'users:create', { username: 'clerk', displayName: 'موظف', role: 'receptionist', password: 'Clerk-pass-2026' });
    for (let i = 0; i < 5; i++) await call(core, 'auth:signIn', { username: 'clerk', password: `wrong-pass-${i}0` });
    expect(await call(core, 'users:unlock', { id: created.ok && (created.value as { id: string }).id })).toMatchObject({ ok: true, value: { lockedUntil: null } });
    expect(await call(core, 'auth:signIn', { username: 'clerk', password: 'Clerk-pass-2026' })).toMatchObject({ ok: true });
  });

  it('signs out: protected channels are refused until the next sign-in', async () => {
    core = await createTestCore();
    expect(await call(core, 'auth:signOut', { reason: 'user' })).toEqual({ ok: true, value: { signedOut: true } });
    expect(await call(core, 'session:current', {})).toEqual({ ok: true, value: null });
    expect(await call(core, 'beneficiaries:search', { query: 'x' })).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
    expect((await auditActions(core)).at(-1)).toBe('sign_out');
  });
});

describe('idle lock', () => {
  it('ends an idle session on the main side after the configured minutes, and says why', async () => {
    const { clock, advanceMinutes } = movableClock();
    core = await createTestCore({ clock });
    expect(await call(core, 'auth:setPolicy', { idleLockMinutes: 5 })).toMatchObject({ ok: true, value: { idleLockMinutes: 5 } });
    advanceMinutes(4);
    expect(await call(core, 'auth:activity', {})).toMatchObject({ ok: true });
    advanceMinutes(4);
    expect(await call(core, 'beneficiaries:search', { query: 'x' })).toMatchObject({ ok: true });
    advanceMinutes(6);
    expect(await call(core, 'beneficiaries:search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await call(core, 'auth:status', {})).toMatchObject({ ok: true, value: { lastEnded: 'idle', idleLockMinutes: 5 } });
    await new Promise((r) => setTimeout(r, 50));
    const last = await core.db.selectFrom('audit_log').select(['action', 'after_json']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'sign_out', after_json: JSON.stringify({ reason: 'idle' }) });
    expect(await call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).toMatchObject({ ok: true });
    expect(await call(core, 'auth:status', {})).toMatchObject({ value: { lastEnded: null } });
  });
});

describe('user management', () => {
  it('refuses to demote or deactivate the last administrator, and a duplicate username', async () => {
    core = await createTestCore();
    const me = core.sessions.current()!.user;
    const demote = await call(core, 'users:update', { id: me.id, displayName: me.displayName, role: 'manager', active: true });
    expect(demote).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'last_admin' } } });
    const dup = await call(core, 'users:create', { username: 'admin', displayName: 'x', role: 'manager', password: 'Another-pass-99' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
  });

  it('a deactivated user cannot sign in', async () => {
    core = await createTestCore();
    const created = await call(core, 'users:create', { username: 'leaver', displayName: 'موظف سابق', role: 'call_staff', password: 'Leaver-pass-2026' });
    const id = created.ok ? (created.value as { id: string }).id : '';
    expect(await call(core, 'users:update', { id, displayName: 'موظف سابق', role: 'call_staff', active: false })).toMatchObject({ ok: true });
    expect(await call(core, 'auth:signIn', { username: 'leaver', password: 'Leaver-pass-2026' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('changes the own password only with the current one', async () => {
    core = await createTestCore();
    expect(await call(core, 'auth:changePassword', { currentPassword: 'wrong-one-123', newPassword: 'Brand-new-pass-1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'auth:changePassword', { currentPassword: TEST_ADMIN.password, newPassword: 'Brand-new-pass-1' })).toMatchObject({ ok: true });
    expect(await call(core, 'auth:signIn', { username: 'admin', password: 'Brand-new-pass-1' })).toMatchObject({ ok: true });
  });
});
