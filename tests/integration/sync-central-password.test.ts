/**
 * The central password is sealed under the OS-kept key: after saving the sync settings the raw
 * SQLite files (database, WAL) do not contain it, the nightly run still signs in with it, a
 * password saved by an earlier version inside the URL is sealed and scrubbed at start-up, a copy
 * of the database on another machine cannot use it, and where the OS keeps no key it is refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { provisionCounterLogin } from '../../main/central/counter-logins';
import { connectCentral } from '../../main/central/connect';
import { syncDb } from '../../main/sync/sync-db';
import { getState, setState } from '../../main/sync/sync-state';
import { call, createTestCore } from '../support/test-core';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { testKeyProvider } from '../support/test-key-provider';
import { makeTempDir } from '../support/temp-dir';
import { randomBytes } from 'node:crypto';

let central: TestCentral;
const SECRET = `Sealed-${randomBytes(6).toString('hex')}-pw`;
const tmp = makeTempDir();

beforeAll(async () => {
  central = await startTestCentral(54339);
  const owner = connectCentral({ url: central.url, sslMode: 'disable' });
  await provisionCounterLogin(owner.db, 'P01', SECRET).finally(() => owner.close());
});
afterAll(async () => {
  await central?.stop();
  tmp.cleanup();
});

/** The counter's login without its password, as an administrator types it in Settings → Sync. */
function bareUrl(): string {
  const u = new URL(central.url);
  u.username = 'counter_p01';
  u.password = '';
  return u.toString();
}

function fileBytes(databaseFile: string): Buffer {
  return Buffer.concat(['', '-wal', '-journal'].filter((s) => existsSync(databaseFile + s)).map((s) => readFileSync(databaseFile + s)));
}

const settings = { sslMode: 'disable', caFile: '', nightlyAt: '02:00', timeZone: 'Asia/Riyadh', enabled: true } as const;

describe('the central password under the OS key', () => {
  it('is not in the SQLite file after saving, and the sync signs in with it', async () => {
    const keys = testKeyProvider(tmp.dir);
    const core = await createTestCore({ keyProvider: keys });
    try {
      const saved = await call(core, 'sync:saveConfig', { url: bareUrl(), password: SECRET, ...settings });
      expect(saved).toMatchObject({ ok: true, value: { hasPassword: true, url: bareUrl() } });
      const file = join(core.dir, 'istiqbal.sqlite');
      expect(fileBytes(file).includes(Buffer.from(SECRET))).toBe(false);
      expect((await core.sync.run('manual')).status).toBe('ok');
      // An empty password keeps the sealed one.
      await call(core, 'sync:saveConfig', { url: bareUrl(), password: '', ...settings, nightlyAt: '03:00' });
      expect((await core.sync.run('manual')).status).toBe('ok');
      expect(fileBytes(file).includes(Buffer.from(SECRET))).toBe(false);
    } finally {
      await core.dispose();
    }
  });

  it('saving leaves every later erasure zeroing freed space (secure_delete stays on)', async () => {
    const core = await createTestCore({ keyProvider: testKeyProvider(join(tmp.dir, 'secure-delete')) });
    try {
      const saved = await call(core, 'sync:saveConfig', { url: bareUrl(), password: SECRET, ...settings });
      expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
      const r = await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(core.db);
      expect(r.rows[0]?.secure_delete).toBe(1);
    } finally {
      await core.dispose();
    }
  });

  it('a password an earlier version kept in the URL is sealed and scrubbed at start-up', async () => {
    const dir = makeTempDir();
    const file = join(dir.dir, 'istiqbal.sqlite');
    try {
      // An earlier version: no OS key, the password inside the saved URL.
      const old = await createCore({ databaseFile: file });
      const withPassword = new URL(bareUrl());
      withPassword.password = SECRET;
      await setState(syncDb(old.db), 'config', JSON.stringify({ ...settings, url: withPassword.toString() }));
      expect(await old.sync.protectStoredPassword()).toBe('left-in-place');
      await old.close();
      expect(fileBytes(file).includes(Buffer.from(SECRET))).toBe(true);

      const keys = testKeyProvider(dir.dir);
      const upgraded = await createCore({ databaseFile: file, keyProvider: keys });
      try {
        expect(fileBytes(file).includes(Buffer.from(SECRET))).toBe(false);
        expect(await upgraded.sync.configView()).toMatchObject({ url: bareUrl(), hasPassword: true });
        expect((await upgraded.sync.run('manual')).status).toBe('ok');
      } finally {
        await upgraded.close();
      }
      expect(fileBytes(file).includes(Buffer.from(SECRET))).toBe(false);

      // The same file with another machine's OS key: the password cannot be opened, and it says so.
      const elsewhere = await createCore({ databaseFile: file, keyProvider: testKeyProvider(makeTempDir().dir) });
      try {
        expect(await getState(syncDb(elsewhere.db), 'central_password')).not.toBeNull();
        const run = await elsewhere.sync.run('manual');
        expect(run.status).toBe('refused');
        expect(run.error?.en).toMatch(/password stored under the operating system's key could not be opened/);
      } finally {
        await elsewhere.close();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('is refused with the reason where the OS keeps no key, and nothing is stored', async () => {
    const core = await createTestCore();
    try {
      const r = await call(core, 'sync:saveConfig', { url: bareUrl(), password: SECRET, ...settings });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(r)).toContain('The operating system offers no secure key storage here');
      expect(fileBytes(join(core.dir, 'istiqbal.sqlite')).includes(Buffer.from(SECRET))).toBe(false);
      expect((await core.sync.configView()).hasPassword).toBe(false);
    } finally {
      await core.dispose();
    }
  });
});
