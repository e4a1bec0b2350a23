/**
 * Every Electron hardening step in one place: no navigation away, no new windows, no webviews,
 * no permissions, external links only through an allowlist.
 */
import { app, session, shell } from 'electron';
import { isAllowedExternal, isAllowedNavigation } from '../security/navigation-policy';

const EXTERNAL_ALLOWLIST: readonly string[] = [];

export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Reviewed: only https URLs on the fixed allowlist reach the OS browser (tests/unit/security-policies.test.ts).
      if (isAllowedExternal(url, EXTERNAL_ALLOWLIST)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { action: 'deny' };
    });
  });
}
