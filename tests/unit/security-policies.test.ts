import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveAppAsset } from '../../main/security/app-protocol-path';
import { isAllowedExternal, isAllowedNavigation } from '../../main/security/navigation-policy';
import { isTrustedSender } from '../../main/ipc/sender-policy';

const root = '/opt/istiqbal/dist/renderer';

describe('app:// path guard', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://istiqbal/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://istiqbal/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://istiqbal/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
  });
  it.each(['app://istiqbal/../../etc/passwd', 'app://istiqbal/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser folds the dots)',
    (url) => {
      expect(resolveAppAsset(root, url)).toBe(join(root, 'etc/passwd'));
    },
  );
  it.each([
    'app://istiqbal/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://istiqbal/assets/..%2f..%2f..%2fsecret',
    'app://istiqbal/..%5c..%5cwindows',
    'app://istiqbal/a%00.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://istiqbal/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
});

describe('navigation and external links', () => {
  it('allows only the app page', () => {
    expect(isAllowedNavigation('app://istiqbal/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false);
  });
  it('opens only allowlisted https hosts outside', () => {
    expect(isAllowedExternal('https://khuzam.org.sa/', ['khuzam.org.sa'])).toBe(true);
    expect(isAllowedExternal('http://khuzam.org.sa/', ['khuzam.org.sa'])).toBe(false);
    expect(isAllowedExternal('https://user:pw@khuzam.org.sa/', ['khuzam.org.sa'])).toBe(false);
    expect(isAllowedExternal('https://evil.example/', ['khuzam.org.sa'])).toBe(false);
  });
});

describe('IPC sender check', () => {
  const trusted = ['app://istiqbal'];
  it('trusts the app main frame only', () => {
    expect(isTrustedSender({ senderUrl: 'app://istiqbal/index.html', isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ senderUrl: 'app://istiqbal/index.html', isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ senderUrl: 'https://evil.example/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ senderUrl: 'app://istiqbal.evil/x', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ senderUrl: '', isMainFrame: true }, trusted)).toBe(false);
  });
});
