/** The beneficiary's consent to the privacy notice in force, as the counter records it before a support request. */
import type { Core } from '../../main/core/create-core';
import { call } from './test-core';

export async function recordConsent(core: Core, beneficiaryId: string): Promise<void> {
  const notice = await call(core, 'privacy:notice', {});
  if (!notice.ok) throw new Error(JSON.stringify(notice.error));
  const r = await call(core, 'privacy:recordConsent', { beneficiaryId, noticeVersion: (notice.value as { version: number }).version, givenBy: 'self' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}
