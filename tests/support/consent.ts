/** The beneficiary's consent to the privacy notice in force, as the counter records it before a support request. */
import type { Core } from '../../main/core/create-core';
import { APP_SOURCE } from './test-core';

/** `origin`: the page origin the core trusts, for an e2e harness core (its `h.origin`). */
export async function recordConsent(core: Core, beneficiaryId: string, origin?: string): Promise<void> {
  const source = origin ? { senderUrl: `${origin}/index.html`, isMainFrame: true } : APP_SOURCE;
  const notice = await core.router.invoke('privacy:notice', {}, source);
  if (!notice.ok) throw new Error(JSON.stringify(notice.error));
  const r = await core.router.invoke('privacy:recordConsent', { beneficiaryId, noticeVersion: (notice.value as { version: number }).version, givenBy: 'self' }, source);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}
