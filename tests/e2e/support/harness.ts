/**
 * End-to-end harness: the real built renderer in Chromium, `window.api` bridged to the real
 * router over a fresh SQLite database. Collects CSP violations and page errors so tests can
 * assert there were none, and saves screenshots under tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { createTestCore } from '../../support/test-core';
import type { KeyProvider } from '../../../main/privacy/key-provider';
import { launchChromium } from './chromium';
import { serveDirectory } from './static-server';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

function bridgeScript(): string {
  const out = buildSync({
    entryPoints: [join(HERE, 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  });
  return out.outputFiles[0]!.text;
}

const WATCH_SCRIPT = `
  window.__problems = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI);
  });
`;

export interface Harness {
  core: Awaited<ReturnType<typeof createTestCore>>;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Page errors, console errors and CSP violations seen so far. */
  problems(): Promise<string[]>;
  screenshot(name: string): Promise<string>;
  axeSeriousViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Lands signed in as an administrator (through the real sign-in); `signedIn: false` lands on the first-run step. */
export async function startHarness(
  options: { language?: 'ar' | 'en'; signedIn?: boolean; firstRunWizard?: 'done' | 'pending'; keyProvider?: KeyProvider; chooseFolder?: (what?: 'folder' | 'backupFile') => Promise<string | null> } = {},
): Promise<Harness> {
  // ISTIQBAL_RENDERER_DIR: a build of one's own, so a parallel `npm run build` cannot empty it mid-test.
  const server = await serveDirectory(process.env.ISTIQBAL_RENDERER_DIR ?? join(ROOT, 'dist', 'renderer'));
  const core = await createTestCore({
    trustedOrigins: [server.origin],
    signIn: options.signedIn ?? true,
    firstRunWizard: options.firstRunWizard ?? 'done',
    ...(options.keyProvider ? { keyProvider: options.keyProvider } : {}),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
  const pageErrors: string[] = [];
  await context.exposeBinding('__istiqbalInvoke', (source, channel: string, payload: unknown) =>
    core.router.invoke(channel, payload, { senderUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
  );
  await context.addInitScript({ content: bridgeScript() });
  await context.addInitScript({ content: WATCH_SCRIPT });
  if (options.language) {
    await context.addInitScript({ content: `localStorage.setItem('istiqbal.language', '${options.language}')` });
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console ${m.text()}`);
  });
  await page.goto(`${server.origin}/index.html`);
  const landing =
    options.signedIn === false
      ? '[data-testid="first-run-submit"]'
      : options.firstRunWizard === 'pending'
        ? '[data-testid="setup-next"]'
        : '[data-testid="status-user"]';
  await page.waitForSelector(landing);
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(ARTIFACTS, { recursive: true });

  return {
    core,
    browser,
    context,
    page,
    origin: server.origin,
    async problems() {
      const csp = await page.evaluate(() => (window as unknown as { __problems: string[] }).__problems);
      return [...pageErrors, ...csp];
    },
    async screenshot(name) {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async axeSeriousViolations() {
      const results = await new AxeBuilder({ page: page as never }).analyze();
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    },
    async close() {
      await browser.close();
      await server.close();
      await core.dispose();
    },
  };
}
