/** `npm run preview` (the README's start command on machines without Electron) serves a working app with demo data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { makeTempDir } from '../support/temp-dir';

let server: ChildProcess;
let browser: Browser;
let origin: string;
const data = makeTempDir();

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', 'main/dev/preview-server.ts', '--demo'], {
    env: { ...process.env, PORT: '5191', ISTIQBAL_DATA_DIR: data.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`preview exited ${code}: ${out}`)));
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.kill();
  data.cleanup();
});

describe('browser preview', () => {
  it('opens the Arabic app over the real core with demo beneficiaries', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.getByTestId('status-user').waitFor();
    await page.getByTestId('beneficiary-search').fill('ال');
    await page.getByTestId('search-result').first().waitFor();
    expect(await page.getByTestId('search-result').count()).toBeGreaterThan(0);
  });

  it('refuses calls without the run token', async () => {
    const response = await fetch(`${origin}/__preview/invoke/session:current`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
  });
});
