/** AES-256-GCM for backups and exports, and the OS-kept key (with the Linux basic_text refusal). */
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decryptBuffer, decryptFile, encryptBuffer, encryptFile, MAGIC } from '../../main/privacy/file-encryption';
import { createOsKeyProvider, KEY_MESSAGES } from '../../main/privacy/key-provider';
import { makeTempDir } from '../support/temp-dir';
import { testOsProtector } from '../support/test-key-provider';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const machineProtector = (backend = 'gnome_libsecret') => testOsProtector(undefined, backend);

describe('AES-256-GCM files', () => {
  const key = randomBytes(32);

  it('round-trips a buffer and a large file, and the file holds no plaintext', async () => {
    const text = Buffer.from('أحمد محمد القحطاني 1000000008 '.repeat(10));
    const sealed = encryptBuffer(key, text);
    expect(sealed.subarray(0, 8).equals(MAGIC)).toBe(true);
    expect(sealed.includes(Buffer.from('1000000008'))).toBe(false);
    expect(decryptBuffer(key, sealed).equals(text)).toBe(true);

    const plain = join(tmp.dir, 'backup.sqlite');
    const big = Buffer.concat([randomBytes(3 * 1024 * 1024), Buffer.from('SECRET-MARKER-1000000008')]);
    writeFileSync(plain, big);
    await encryptFile(key, plain, join(tmp.dir, 'backup.enc'));
    const onDisk = readFileSync(join(tmp.dir, 'backup.enc'));
    expect(onDisk.length).toBe(big.length + 8 + 12 + 16);
    expect(onDisk.includes(Buffer.from('SECRET-MARKER'))).toBe(false);
    await decryptFile(key, join(tmp.dir, 'backup.enc'), join(tmp.dir, 'restored.sqlite'));
    expect(readFileSync(join(tmp.dir, 'restored.sqlite')).equals(big)).toBe(true);
  });

  it('refuses a flipped bit, a wrong key, a truncated file and a plain file, leaving no output', async () => {
    const src = join(tmp.dir, 'export.json');
    writeFileSync(src, JSON.stringify({ name: 'فاطمة' }));
    const enc = join(tmp.dir, 'export.enc');
    await encryptFile(key, src, enc);
    const good = readFileSync(enc);

    const flipped = Buffer.from(good);
    flipped[30] = flipped[30]! ^ 1;
    writeFileSync(join(tmp.dir, 'flipped.enc'), flipped);
    await expect(decryptFile(key, join(tmp.dir, 'flipped.enc'), join(tmp.dir, 'out1'))).rejects.toMatchObject({ code: 'VALIDATION', bilingual: { ar: expect.stringContaining('تعذر فك التشفير') } });
    expect(existsSync(join(tmp.dir, 'out1'))).toBe(false);
    expect(existsSync(join(tmp.dir, 'out1.partial'))).toBe(false);

    await expect(decryptFile(randomBytes(32), enc, join(tmp.dir, 'out2'))).rejects.toMatchObject({ code: 'VALIDATION' });
    writeFileSync(join(tmp.dir, 'short.enc'), good.subarray(0, good.length - 5));
    await expect(decryptFile(key, join(tmp.dir, 'short.enc'), join(tmp.dir, 'out3'))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(decryptFile(key, src, join(tmp.dir, 'out4'))).rejects.toMatchObject({ bilingual: { en: expect.stringContaining('not an Istiqbal encrypted file') } });
    expect(() => decryptBuffer(key, Buffer.from('plain'))).toThrow();
  });
});

describe('the OS-kept key', () => {
  it('generates a 256-bit key once, stores it wrapped, and gets the same key back', async () => {
    const protector = machineProtector();
    const keyFile = join(tmp.dir, 'keys', 'backup.key');
    const first = await createOsKeyProvider(protector, keyFile).key();
    expect(first.length).toBe(32);
    expect(readFileSync(keyFile).includes(first)).toBe(false);
    const again = await createOsKeyProvider(protector, keyFile).key();
    expect(again.equals(first)).toBe(true);
    // On another machine (another OS secret) the key file is useless.
    await expect(createOsKeyProvider(machineProtector(), keyFile).key()).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'key_unreadable' } });
  });

  it('refuses on the Linux basic_text backend and where the OS offers no encryption, and says why', async () => {
    const basic = createOsKeyProvider(machineProtector('basic_text'), join(tmp.dir, 'k2', 'backup.key'));
    expect(basic.unavailableReason()).toEqual(KEY_MESSAGES.basicText);
    await expect(basic.key()).rejects.toMatchObject({ code: 'FORBIDDEN', bilingual: { ar: expect.stringContaining('basic_text') } });
    expect(existsSync(join(tmp.dir, 'k2', 'backup.key'))).toBe(false);
    const none = createOsKeyProvider({ ...machineProtector(), isEncryptionAvailable: () => false }, join(tmp.dir, 'k3', 'backup.key'));
    expect(none.unavailableReason()).toEqual(KEY_MESSAGES.noOsEncryption);
    await expect(none.key()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
