/**
 * Encryption end to end in the real renderer: the administrator sets the recovery passphrase
 * (a weak one and a mismatched confirmation are refused in Arabic, nothing typed is lost), writes
 * an encrypted backup to a "USB stick" folder, and exports the calls log as a password-protected
 * ZIP that opens with the password and is refused without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { startHarness, type Harness } from './support/harness';
import { testKeyProvider } from '../support/test-key-provider';
import { makeTempDir } from '../support/temp-dir';

configure({ useWebWorkers: false });
const usb = makeTempDir('istiqbal-e2e-usb-');
const keys = makeTempDir('istiqbal-e2e-keys-');
let h: Harness;
/** The file the (stand-in) dialog picks when the person checks a backup file. */
let picked = '';

beforeAll(async () => {
  h = await startHarness({ keyProvider: testKeyProvider(keys.dir), chooseFolder: async (what) => (what === 'backupFile' ? picked : usb.dir) });
});
afterAll(async () => {
  await h?.close();
  usb.cleanup();
  keys.cleanup();
});

describe('encryption in the UI', { timeout: 120_000 }, () => {
  it('sets the recovery passphrase with confirmation and the strength rule, then writes an encrypted backup to a folder', async () => {
    const p = h.page;
    await p.getByTestId('nav-settings').click();
    await p.getByTestId('settings-tab-backups').click();
    await p.getByTestId('recovery-not-set').waitFor();
    await expect(p.getByTestId('backup-to-folder').isDisabled()).resolves.toBe(true);

    const passphrase = p.getByTestId('recovery-passphrase');
    await passphrase.fill('خزام٣٣٤');
    await p.getByTestId('recovery-save').click();
    await p.getByText('العبارة السرية 12 خانة على الأقل.').waitFor();
    await expect(passphrase.inputValue()).resolves.toBe('خزام٣٣٤');

    await passphrase.fill('جمعية خزام ٣٣٤ نسخة آمنة');
    await p.getByTestId('recovery-confirm').fill('جمعية خزام ٣٣٤ نسخة');
    await p.getByTestId('recovery-save').click();
    await p.getByText('التأكيد لا يطابق العبارة السرية.').waitFor();
    await p.getByTestId('recovery-section').scrollIntoViewIfNeeded();
    await h.screenshot('encryption-recovery-mismatch');
    expect(await h.axeSeriousViolations()).toEqual([]);

    await p.getByTestId('recovery-confirm').fill('جمعية خزام 334 نسخة آمنة');
    await p.getByTestId('recovery-save').click();
    await p.getByTestId('recovery-message').filter({ hasText: 'حُفظت العبارة السرية' }).waitFor();
    await p.getByTestId('recovery-status').waitFor();
    await expect(p.getByTestId('recovery-status').textContent()).resolves.toContain('نسخة محلية من المفتاح');
    await expect(passphrase.inputValue()).resolves.toBe('');

    await p.getByTestId('backup-to-folder').click();
    await p.getByTestId('recovery-message').filter({ hasText: 'كُتبت النسخة المشفرة' }).waitFor();
    const [file] = readdirSync(usb.dir);
    expect(file).toMatch(/^istiqbal-.*\.istqbak$/);
    expect(readFileSync(join(usb.dir, file!)).subarray(0, 8).toString('ascii')).toBe('ISTQBAK1');
    await expect(p.getByTestId('recovery-message').textContent()).resolves.toContain(file);
    await p.getByTestId('recovery-section').scrollIntoViewIfNeeded();
    await h.screenshot('encryption-recovery-set');

    // Checking the file: this machine's key copy opens it; a wrong passphrase and one flipped byte are refused.
    picked = join(usb.dir, file!);
    await p.getByTestId('verify-backup-file').click();
    await p.getByTestId('recovery-message').filter({ hasText: 'النسخة تُفتح وسليمة' }).waitFor();
    await p.getByTestId('verify-passphrase').fill('عبارة خاطئة 123');
    await p.getByTestId('verify-backup-file').click();
    await p.getByTestId('recovery-message').filter({ hasText: 'العبارة السرية غير صحيحة' }).waitFor();
    const flipped = readFileSync(picked);
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 1;
    picked = join(usb.dir, 'flipped.istqbak');
    writeFileSync(picked, flipped);
    await p.getByTestId('verify-passphrase').fill('');
    await p.getByTestId('verify-backup-file').click();
    await p.getByTestId('recovery-message').filter({ hasText: 'تالفة أو عُدّلت' }).waitFor();
    await expect(p.getByTestId('recovery-message').getAttribute('role')).resolves.toBe('alert');
    await p.getByTestId('recovery-message').scrollIntoViewIfNeeded();
    await h.screenshot('encryption-verify-tampered');
    expect(await h.axeSeriousViolations()).toEqual([]);
    expect(await h.problems()).toEqual([]);
  });

  it('exports the calls log as a password-protected ZIP that opens only with the password', async () => {
    const p = h.page;
    await p.getByTestId('nav-calls').click();
    await p.getByTestId('calls-export-protect').check();
    await p.getByTestId('calls-export-password').fill('تصدير المكالمات ٢٠٢٦');
    await p.getByTestId('calls-export-confirm').fill('تصدير');
    await p.getByTestId('calls-export').click();
    await p.getByText('التأكيد لا يطابق العبارة السرية.').waitFor();
    await p.getByTestId('calls-export-confirm').fill('تصدير المكالمات ٢٠٢٦');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('calls-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv\.zip$/);
    const bytes = readFileSync((await download.path())!);
    const [entry] = await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
    if (!entry || entry.directory) throw new Error('the ZIP holds no file');
    expect(entry.encrypted).toBe(true);
    expect(entry.filename).toMatch(/\.csv$/);
    await expect(entry.getData(new Uint8ArrayWriter(), { password: 'wrong password 12' })).rejects.toThrow();
    // The password typed with Eastern Arabic digits opens with Latin ones (as in 7-Zip).
    const csv = Buffer.from(await entry.getData(new Uint8ArrayWriter(), { password: 'تصدير المكالمات 2026' }));
    expect(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(csv.toString('utf8')).toContain('الاتجاه');
    await expect.poll(() => p.getByTestId('calls-export').getAttribute('data-loading')).toBeNull();
    await h.screenshot('encryption-export-calls');
    expect(await h.axeSeriousViolations()).toEqual([]);
    expect(await h.problems()).toEqual([]);
  });
});
