/**
 * The audit trail: views of personal data are recorded, the viewer filters, and tampering (by an
 * attacker with file access, who drops the append-only triggers first) is detected and located,
 * by the admin channel and by `npm run cli -- audit verify`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import type { AuditVerification } from '../../shared/audit/schemas';

let core: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
let reference: string;

beforeEach(async () => {
  core = await createTestCore();
  const created = await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  ({ id: beneficiaryId, reference } = created.value as { id: string; reference: string });
  await call(core, 'beneficiaries:create', { data: beneficiaryFixture({ idNumber: '1000000016', mobile: '0561112222', firstName: 'فاطمة', gender: 'female' }) });
  await call(core, 'beneficiaries:get', { id: beneficiaryId });
  await call(core, 'beneficiaries:search', { query: 'القحطاني' });
});
afterEach(async () => {
  await core.dispose();
});

const verify = async () => {
  const r = await call(core, 'audit:verify', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as AuditVerification;
};
const dropTriggers = async () => {
  await sql`DROP TRIGGER audit_log_no_update`.execute(core.db);
  await sql`DROP TRIGGER audit_log_no_delete`.execute(core.db);
};
const seqOf = async (action: string) =>
  (await core.db.selectFrom('audit_log').select('seq').where('action', '=', action).orderBy('seq').limit(1).executeTakeFirstOrThrow()).seq;

describe('audit trail', () => {
  it('records a profile view and a search with who, when and which records, in order', async () => {
    const entries = await core.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'after_json', 'user_id']).orderBy('seq').execute();
    const me = core.sessions.current()!.user.id;
    const views = entries.filter((e) => e.action === 'view');
    expect(views).toEqual([
      { action: 'view', entity: 'beneficiaries:get', entity_id: beneficiaryId, after_json: JSON.stringify({ ids: [beneficiaryId] }), user_id: me },
      { action: 'view', entity: 'beneficiaries:search', entity_id: null, after_json: expect.stringContaining(beneficiaryId), user_id: me },
    ]);
    expect(entries.filter((e) => e.action === 'create' && e.entity === 'beneficiary')).toHaveLength(2);
  });

  it('filters by record (id or reference), user, action and date', async () => {
    const byRecord = await call(core, 'audit:list', { record: reference });
    expect(byRecord.ok).toBe(true);
    const entries = (byRecord as { value: { entries: { action: string; entityId: string | null }[] } }).value.entries;
    expect(entries.map((e) => e.action)).toEqual(['view', 'view', 'create']);
    const byAction = await call(core, 'audit:list', { action: 'sign_in' });
    expect((byAction as { value: { entries: unknown[] } }).value.entries).toHaveLength(2);
    const me = core.sessions.current()!.user.id;
    const byUser = await call(core, 'audit:list', { userId: me, action: 'create' });
    expect((byUser as { value: { entries: { userName: string }[] } }).value.entries.map((e) => e.userName)).toEqual(['مدير النظام', 'مدير النظام']);
    const future = await call(core, 'audit:list', { from: '٢٠٩٩-٠١-٠١' });
    expect((future as { value: { entries: unknown[] } }).value.entries).toHaveLength(0);
    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
    const todays = await call(core, 'audit:list', { from: today, to: today });
    expect((todays as { value: { entries: unknown[] } }).value.entries.length).toBeGreaterThan(5);
  });

  it('the database refuses edits and deletions of entries while the triggers stand', async () => {
    await expect(sql`UPDATE audit_log SET action = 'view' WHERE seq = 1`.execute(core.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(core.db)).rejects.toThrow(/append-only/);
    // Blanking a snapshot while leaving a field changed is refused too.
    await expect(sql`UPDATE audit_log SET before_json = NULL, after_json = NULL, redacted_at = 'x', entity = 'y' WHERE seq = 1`.execute(core.db)).rejects.toThrow(/append-only/);
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('an intact trail verifies', async () => {
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(6);
  });

  it('detects an edited entry and says which one', async () => {
    await dropTriggers();
    const seq = await seqOf('create');
    await sql`UPDATE audit_log SET user_id = 'someone-else' WHERE seq = ${seq}`.execute(core.db);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq, kind: 'edited' })]);
  });

  it('detects an edited snapshot even when the attacker leaves the hashed fields alone', async () => {
    await dropTriggers();
    const seq = await seqOf('create');
    await sql`UPDATE audit_log SET after_json = '{"monthlyIncome":0}' WHERE seq = ${seq}`.execute(core.db);
    expect((await verify()).problems).toEqual([expect.objectContaining({ seq, kind: 'snapshot_edited' })]);
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    await dropTriggers();
    const seq = await seqOf('view');
    await sql`DELETE FROM audit_log WHERE seq = ${seq}`.execute(core.db);
    const r = await verify();
    expect(r.problems).toEqual([expect.objectContaining({ seq, kind: 'deleted' }), expect.objectContaining({ seq: seq + 1, kind: 'chain_broken' })]);
    const last = (await core.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m as number;
    await sql`DELETE FROM audit_log WHERE seq = ${last}`.execute(core.db);
    // With both the middle entry's successor and the last gone, the trail now ends early: reported from the first missing number.
    expect(seq + 1).toBe(last);
    expect((await verify()).problems).toContainEqual(expect.objectContaining({ seq, kind: 'tail_deleted' }));
  });

  it('`npm run cli -- audit verify` says intact, then names the tampered entry with exit code 1', async () => {
    const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', 'audit', 'verify', '--data', core.dir], { encoding: 'utf8' });
    const good = cli();
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/audit trail intact: \d+ entries/);
    await dropTriggers();
    const seq = await seqOf('view');
    await sql`UPDATE audit_log SET entity_id = NULL WHERE seq = ${seq}`.execute(core.db);
    const bad = cli();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('TAMPERED');
    expect(bad.stderr).toContain(`seq ${seq}`);
    expect(bad.stderr).toContain('entry edited');
  });

  it('refuses the trail to roles without oversight', async () => {
    await call(core, 'users:create', { username: 'clerk', displayName: 'موظف', role: 'receptionist', password: 'Clerk-pass-2026' });
    await call(core, 'auth:signIn', { username: 'clerk', password: 'Clerk-pass-2026' });
    expect(await call(core, 'audit:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(core, 'audit:verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
