/** Debian's Chromium driven by playwright-core (Playwright's own browser download is not possible here). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install it with `apt-get install -y chromium` (CI does this).');
  return found;
}

export async function launchChromium(): Promise<Browser> {
  // Keep Chromium's profile and crash files out of the home folder.
  process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'istiqbal-xdg-'));
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=ar',
    ],
  });
}
