/**
 * Encrypted backups on real files: made through the router to a "USB stick" folder, refused when
 * a byte is flipped or the passphrase is wrong (nothing restored, nothing left behind), and
 * restored with the CLI into a FRESH data folder — a new machine after a disk failure — where the
 * SQLite file opens and the data is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../main/core/create-core';
import { createBackupService } from '../../main/backup/backup-service';
import { readSealedHeader, SEALED_MAGIC } from '../../main/encryption/sealed-backup';
import { createEncryptionService } from '../../main/encryption/encryption-service';
import { beneficiaryFixture } from '../support/fixtures';
import { call, createTestCore } from '../support/test-core';
import { testKeyProvider } from '../support/test-key-provider';
import { makeTempDir } from '../support/temp-dir';

const PASSPHRASE = 'جمعية خزام ٣٣٤ نسخة آمنة';
const usb = makeTempDir('istiqbal-usb-');
const newMachine = makeTempDir('istiqbal-new-machine-');
const keys = makeTempDir('istiqbal-keys-');
let core: Awaited<ReturnType<typeof createTestCore>>;
let backupFile = '';
let nationalId = '';
let picked = '';

const entry = existsSync('dist/main/cli.cjs') ? ['dist/main/cli.cjs'] : ['--import', 'tsx', 'main/cli/main.ts'];
function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...entry, ...args, '--data', dataDir], { encoding: 'utf8', env: { ...process.env, ...env }, input: '' });
}

beforeAll(async () => {
  core = await createTestCore({
    keyProvider: testKeyProvider(keys.dir),
    chooseFolder: async (what) => (what === 'backupFile' ? picked : usb.dir),
  });
  const created = await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
  if (!created.ok) throw new Error(JSON.stringify(created));
  nationalId = beneficiaryFixture().idNumber;
});
afterAll(async () => {
  await core.dispose();
  usb.cleanup();
  newMachine.cleanup();
  keys.cleanup();
});

describe('encrypted backups', { timeout: 120_000 }, () => {
  it('refuses a backup to a folder until the recovery passphrase is set, and a weak or mismatched passphrase', async () => {
    const before = await call(core, 'encryption:backupToFolder', {});
    expect(before).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { ar: expect.stringContaining('العبارة السرية'), en: expect.stringContaining('recovery passphrase') } } });
    expect(readdirSync(usb.dir)).toEqual([]);

    const weak = await call(core, 'encryption:setRecovery', { passphrase: 'short1', confirm: 'short1' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'passphrase', message: { ar: expect.stringContaining('12 خانة') } }] } });
    const oneKind = await call(core, 'encryption:setRecovery', { passphrase: 'abcdefghijklmnop', confirm: 'abcdefghijklmnop' });
    expect(oneKind).toMatchObject({ ok: false, error: { fields: [{ path: 'passphrase' }] } });
    const mismatch = await call(core, 'encryption:setRecovery', { passphrase: PASSPHRASE, confirm: `${PASSPHRASE}x` });
    expect(mismatch).toMatchObject({ ok: false, error: { fields: [{ path: 'confirm', message: { en: expect.stringContaining('does not match') } }] } });
  });

  it('sets the passphrase (audited by key id), keeps an OS-protected local copy, and writes an encrypted, verified backup', async () => {
    const set = await call(core, 'encryption:setRecovery', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    expect(set).toMatchObject({ ok: true, value: { configured: true, localCopy: true, osKeyUnavailable: null, canChooseFolder: true } });
    const keyId = (set as { value: { keyId: string } }).value.keyId;
    expect(keyId).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const stored = await core.db.selectFrom('settings').select('value').where('key', '=', 'backup_recovery').executeTakeFirstOrThrow();
    expect(stored.value).not.toContain(PASSPHRASE);
    const audit = await core.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'settings.backupRecovery').execute();
    expect(audit).toEqual([{ action: 'update', after_json: JSON.stringify({ keyId }) }]);

    const made = await call(core, 'encryption:backupToFolder', {});
    expect(made).toMatchObject({ ok: true, value: { keyId, counts: { beneficiaries: 1 } } });
    const fileName = (made as { value: { fileName: string } }).value.fileName;
    expect(fileName).toMatch(/^istiqbal-[0-9TZ-]+\.istqbak$/);
    expect(readdirSync(usb.dir)).toEqual([fileName]);
    backupFile = join(usb.dir, fileName);
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 8).equals(SEALED_MAGIC)).toBe(true);
    // No SQLite header, no national ID, no Arabic name in the clear.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(nationalId))).toBe(false);
    expect(readSealedHeader(backupFile)!.header.keyId).toBe(keyId);
    // The plain scratch copy is gone.
    expect(readdirSync(join(core.dir, 'backups', '.scratch'))).toEqual([]);
    const exported = await core.db.selectFrom('audit_log').select('after_json').where('entity', '=', 'backup').where('action', '=', 'export').executeTakeFirstOrThrow();
    expect(JSON.parse(exported.after_json!)).toMatchObject({ file: fileName, keyId });
  });

  it('verifies on this machine with the local copy, and with the passphrase; a wrong passphrase is refused', async () => {
    const encryption = createEncryptionService({ db: core.db, clock: core.clock, newId: core.newId, keyProvider: core.keyProvider, backups: core.settings.backups });
    const local = await encryption.localUnlock();
    expect(local).not.toBeNull();
    await expect(core.settings.backups.verify(backupFile, local!)).resolves.toMatchObject({ encrypted: true, counts: { beneficiaries: 1 } });
    await expect(core.settings.backups.verify(backupFile, { passphrase: PASSPHRASE })).resolves.toMatchObject({ encrypted: true, counts: { beneficiaries: 1 } });
    // The passphrase typed with Latin digits opens what was set with Eastern Arabic ones.
    await expect(core.settings.backups.verify(backupFile, { passphrase: 'جمعية خزام 334 نسخة آمنة' })).resolves.toMatchObject({ encrypted: true });
    await expect(core.settings.backups.verify(backupFile, { passphrase: 'جمعية خزام ٣٣٥ نسخة آمنة' })).rejects.toMatchObject({
      code: 'VALIDATION',
      bilingual: { ar: expect.stringContaining('غير صحيحة'), en: expect.stringContaining('passphrase is wrong') },
    });
    await expect(core.settings.backups.verify(backupFile)).rejects.toMatchObject({ details: { reason: 'need_passphrase' } });
  });

  it('checks a picked backup file through the router: the local key opens it, a wrong passphrase does not, nothing is replaced', async () => {
    picked = backupFile;
    await expect(call(core, 'encryption:verifyBackupFile', {})).resolves.toMatchObject({ ok: true, value: { encrypted: true, counts: { beneficiaries: 1 } } });
    await expect(call(core, 'encryption:verifyBackupFile', { passphrase: PASSPHRASE })).resolves.toMatchObject({ ok: true, value: { encrypted: true } });
    await expect(call(core, 'encryption:verifyBackupFile', { passphrase: 'wrong passphrase 12' })).resolves.toMatchObject({ ok: false, error: { message: { en: expect.stringContaining('passphrase is wrong') } } });
  });

  it('refuses a file with one byte flipped (body or header) and restores nothing', async () => {
    const good = readFileSync(backupFile);
    const header = readSealedHeader(backupFile)!;
    const positions = { body: header.prefixBytes + 12 + 100, header: 40, tag: good.length - 3 };
    for (const [where, at] of Object.entries(positions)) {
      const flipped = Buffer.from(good);
      flipped[at] = flipped[at]! ^ 0x01;
      const file = join(usb.dir, `flipped-${where}.istqbak`);
      writeFileSync(file, flipped);
      const fresh = join(newMachine.dir, `flip-${where}`);
      mkdirSync(fresh);
      const service = createBackupService({ databaseFile: join(fresh, 'istiqbal.sqlite'), backupsDir: join(fresh, 'backups'), clock: core.clock });
      await expect(service.restore(file, { passphrase: PASSPHRASE }), where).rejects.toMatchObject({ code: 'VALIDATION' });
      // Never half-restored: no database, no staging or partial file.
      expect(readdirSync(fresh).filter((f) => f !== 'backups'), where).toEqual([]);
    }
  });

  it('restores into a fresh data folder on a new machine with the CLI and the passphrase; the database opens with the data', async () => {
    const wrong = cli(newMachine.dir, ['restore', backupFile], { ISTIQBAL_RECOVERY_PASSPHRASE: 'not the right passphrase 1' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('العبارة السرية غير صحيحة');
    expect(wrong.stderr).toContain('passphrase is wrong');
    expect(existsSync(join(newMachine.dir, 'istiqbal.sqlite'))).toBe(false);

    const noPassphrase = cli(newMachine.dir, ['verify', backupFile]);
    expect(noPassphrase.status).toBe(1);
    expect(noPassphrase.stderr).toContain('recovery passphrase');

    const passFile = join(newMachine.dir, 'passphrase.txt');
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    const verify = cli(newMachine.dir, ['verify', backupFile, '--passphrase-file', passFile]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ encrypted: true, counts: { beneficiaries: 1 } });

    const restore = cli(newMachine.dir, ['restore', backupFile], { ISTIQBAL_RECOVERY_PASSPHRASE: PASSPHRASE });
    expect(restore.status, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ restored: { counts: { beneficiaries: 1 } }, safety: null });

    const reopened = await createCore({ databaseFile: join(newMachine.dir, 'istiqbal.sqlite') });
    try {
      const rows = await reopened.db.selectFrom('beneficiaries').select(['id_number']).execute();
      expect(rows.map((r) => r.id_number)).toEqual([nationalId]);
      const check = await reopened.db.selectFrom('settings').select('value').where('key', '=', 'backup_recovery').executeTakeFirst();
      expect(check).toBeDefined();
    } finally {
      await reopened.close();
    }
  });

  it('the CLI writes `backup --to DIR` encrypted (no passphrase needed to make one) and refuses it before a passphrase is set', () => {
    const out = join(usb.dir, 'from-cli');
    const made = cli(newMachine.dir, ['backup', '--to', out]);
    expect(made.status, made.stderr).toBe(0);
    const [name] = readdirSync(out);
    expect(name).toMatch(/\.istqbak$/);
    expect(readFileSync(join(out, name!)).subarray(0, 8).equals(SEALED_MAGIC)).toBe(true);

    const blank = makeTempDir();
    try {
      expect(cli(blank.dir, ['migrate']).status).toBe(0);
      const refused = cli(blank.dir, ['backup', '--to', join(blank.dir, 'usb')]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('No recovery passphrase is set');
      expect(existsSync(join(blank.dir, 'usb'))).toBe(false);
    } finally {
      blank.cleanup();
    }
  });
});
