/**
 * The real Electron app, driven by Playwright's _electron. It runs where an Electron binary
 * exists; here (no route to Electron's download host) it is reported as skipped, not passed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { makeTempDir } from '../support/temp-dir';

function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();

describe.skipIf(!binary)('Electron app (skipped: no Electron binary on this machine)', () => {
  it('opens the Arabic shell over app://, refuses navigation, new windows and bad IPC', async () => {
    const data = makeTempDir();
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${data.dir}`],
      env: { ...process.env, ISTIQBAL_DATA_DIR: data.dir },
    });
    try {
      const page = await app.firstWindow();
      await page.getByTestId('status-user').waitFor();
      expect(page.url()).toBe('app://istiqbal/index.html');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const page_ = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        apiFrozen: Object.isFrozen((window as unknown as { api: unknown }).api),
      }));
      expect(page_).toEqual({ require: 'undefined', process: 'undefined', apiFrozen: true });
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://istiqbal/index.html');
      const opened = await page.evaluate(() => window.open('https://example.com/') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
      const bad = await page.evaluate(() => (window as unknown as { api: { beneficiaries: { create(x: unknown): Promise<unknown> } } }).api.beneficiaries.create(42));
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await app.close();
      data.cleanup();
    }
  });
});
