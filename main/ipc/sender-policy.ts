/**
 * Only the app's own page, in its main frame, may call the router. Electron gives us the
 * sender frame's URL; a frame from anywhere else (an iframe, a page navigated away) is refused.
 * `app:` is not a WHATWG special scheme, so `URL.origin` is "null": compare scheme and host.
 */
export interface CallSource {
  senderUrl: string;
  isMainFrame: boolean;
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function isTrustedSender(source: CallSource, trustedOrigins: readonly string[]): boolean {
  if (!source.isMainFrame) return false;
  const origin = originOf(source.senderUrl);
  return origin !== null && trustedOrigins.includes(origin);
}
