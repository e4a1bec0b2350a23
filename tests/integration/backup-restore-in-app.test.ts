/**
 * Restore from inside the app: the administrator picks a backup, the core verifies and stages it
 * and asks for a restart; the next start applies it before opening the database (safety copy
 * first), records it in the restored trail, and tells the administrator what happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCore, type Core } from '../../main/core/create-core';
import { pendingRestoreFile } from '../../main/backup/pending-restore';
import { verifyAudit } from '../../main/audit/verify-audit';
import { beneficiaryFixture } from '../support/fixtures';
import { call, createTestCore, TEST_ADMIN, APP_SOURCE } from '../support/test-core';

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close().catch(() => undefined);
});

async function signIn(core: Core) {
  const r = await core.router.invoke('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }, APP_SOURCE);
  if (!r.ok) throw new Error(JSON.stringify(r));
}

async function addPerson(core: Core, idNumber: string, firstName: string) {
  const r = await call(core, 'beneficiaries:create', { data: beneficiaryFixture({ idNumber, firstName, mobile: `05${idNumber.slice(2)}`.slice(0, 10) }) });
  if (!r.ok) throw new Error(JSON.stringify(r));
}

async function names(core: Core): Promise<string[]> {
  const rows = await core.db.selectFrom('beneficiaries').select('first_name').orderBy('first_name').execute();
  return rows.map((r) => r.first_name);
}

describe('restore from inside the app', () => {
  it('stages a verified backup, restarts, restores it with a safety copy, and records it', async () => {
    const restarts: number[] = [];
    const first = await createTestCore({ requestRestart: () => restarts.push(Date.now()) });
    open.push(first);
    const databaseFile = join(first.dir, 'istiqbal.sqlite');
    await addPerson(first, '1000000008', 'سلمان');
    const backup = await call(first, 'backups:create', {});
    if (!backup.ok) throw new Error(JSON.stringify(backup));
    const name = (backup.value as { file: string }).file;
    await addPerson(first, '1000000016', 'نورة');

    const staged = await call(first, 'backups:restore', { name });
    expect(staged).toMatchObject({ ok: true, value: { restarting: true, backup: { file: name, counts: { beneficiaries: 1 } } } });
    expect(existsSync(pendingRestoreFile(databaseFile))).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(restarts).toHaveLength(1);
    // Nothing changed yet: the running app still holds both people.
    expect(await names(first)).toEqual(['سلمان', 'نورة']);
    await first.close();

    // The "restart": a new core on the same folder.
    const second = await createCore({ databaseFile });
    open.push(second);
    expect(existsSync(pendingRestoreFile(databaseFile))).toBe(false);
    expect(await names(second)).toEqual(['سلمان']);
    await signIn(second);
    const last = await call(second, 'backups:lastRestore', {});
    expect(last).toMatchObject({ ok: true, value: { ok: true, backup: name, counts: { beneficiaries: 1 } } });
    // The data as it was before the restore is kept, and holds both people.
    const safetyName = (last as { value: { safetyBackup: string } }).value.safetyBackup;
    expect(readdirSync(join(first.dir, 'backups', 'before-restore'))).toContain(safetyName);
    const entry = await second.db.selectFrom('audit_log').selectAll().where('entity', '=', 'database_restore').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!)).toMatchObject({ backup: name, stage: 'restored', safetyBackup: safetyName });
    expect(await verifyAudit(second.db)).toMatchObject({ ok: true });
  });

  it('refuses a damaged backup at once and stages nothing', async () => {
    const core = await createTestCore();
    open.push(core);
    const made = await call(core, 'backups:create', {});
    if (!made.ok) throw new Error(JSON.stringify(made));
    const file = join(core.dir, 'backups', (made.value as { file: string }).file);
    const damaged = join(core.dir, 'backups', basename(file).replace('.sqlite', '9.sqlite').replace(/Z9/, '9Z'));
    copyFileSync(file, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);
    const r = await call(core, 'backups:restore', { name: basename(damaged) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { ar: expect.stringContaining('تالف') } } });
    expect(existsSync(pendingRestoreFile(join(core.dir, 'istiqbal.sqlite')))).toBe(false);
  });

  it('a backup that went bad after staging is refused at start-up and the current data is kept', async () => {
    const core = await createTestCore({ requestRestart: () => undefined });
    open.push(core);
    const databaseFile = join(core.dir, 'istiqbal.sqlite');
    await addPerson(core, '1000000008', 'سلمان');
    const made = await call(core, 'backups:create', {});
    if (!made.ok) throw new Error(JSON.stringify(made));
    const name = (made.value as { file: string }).file;
    expect(await call(core, 'backups:restore', { name })).toMatchObject({ ok: true });
    await core.close();
    const fd = openSync(join(core.dir, 'backups', name), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);

    const again = await createCore({ databaseFile });
    open.push(again);
    expect(existsSync(pendingRestoreFile(databaseFile))).toBe(false);
    expect(await names(again)).toEqual(['سلمان']);
    await signIn(again);
    expect(await call(again, 'backups:lastRestore', {})).toMatchObject({ ok: true, value: { ok: false, backup: name } });
  });

  it('only an administrator may restore', async () => {
    const core = await createTestCore();
    open.push(core);
    const user = await call(core, 'users:create', { username: 'manager1', displayName: 'مدير الفرع', role: 'manager', password: 'Manager-pass-2026' });
    expect(user.ok).toBe(true);
    await call(core, 'auth:signOut', {});
    await core.router.invoke('auth:signIn', { username: 'manager1', password: 'Manager-pass-2026' }, APP_SOURCE);
    const r = await call(core, 'backups:restore', { name: 'istiqbal-20261129-010000Z.sqlite' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
