/**
 * What the window may load and what may open outside it. The app never navigates away from its
 * own page, opens no new windows and shows no remote content; a short allowlist of https
 * addresses (e.g. the society's website) may open in the system browser.
 */
import { APP_HOST } from './app-protocol-path';

export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export function isAllowedExternal(url: string, allowlist: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && allowlist.includes(u.host) && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
