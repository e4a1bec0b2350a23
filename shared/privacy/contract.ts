/** PDPL duties: the notice and consent, ID copies setting, data-subject requests, retention, breaches. */
import { z } from 'zod';
import { channel } from '../contract/define';
import { ADMINS, OVERSIGHT, REGISTRY_WRITERS, STAFF } from '../auth/roles';
import {
  breachView,
  closeRequestInput,
  consentStatus,
  consentView,
  createRequestInput,
  exportPdfResult,
  exportResult,
  extendRequestInput,
  noticeView,
  privacySettings,
  publishNoticeInput,
  purgeResult,
  recordBreachInput,
  recordConsentInput,
  requestView,
  retentionRule,
  setRetentionInput,
  updateBreachInput,
  withdrawConsentInput,
} from './schemas';

const nothing = z.undefined().or(z.object({}));
const byBeneficiary = z.object({ beneficiaryId: z.string().uuid() });

export const privacyContract = {
  'privacy:notice': channel({ input: nothing, output: noticeView, access: STAFF }),
  'privacy:notices': channel({ input: nothing, output: z.array(noticeView), access: ADMINS }),
  'privacy:publishNotice': channel({ input: publishNoticeInput, output: noticeView, access: ADMINS }),
  'privacy:consents': channel({ input: byBeneficiary, output: z.array(consentView), access: STAFF, readsPersonalData: true }),
  /** Whether a support request may be filed for the person now (the walk-in's request step asks before showing the form). */
  'privacy:consentStatus': channel({ input: byBeneficiary, output: consentStatus, access: STAFF }),
  'privacy:recordConsent': channel({ input: recordConsentInput, output: consentView, access: REGISTRY_WRITERS }),
  'privacy:withdrawConsent': channel({ input: withdrawConsentInput, output: consentView, access: REGISTRY_WRITERS }),
  'privacy:settings': channel({ input: nothing, output: privacySettings, access: STAFF }),
  'privacy:setSettings': channel({ input: privacySettings, output: privacySettings, access: ADMINS }),
  'privacy:requests': channel({ input: z.object({ openOnly: z.boolean().default(false) }), output: z.array(requestView), access: OVERSIGHT, readsPersonalData: true }),
  'privacy:createRequest': channel({ input: createRequestInput, output: requestView, access: OVERSIGHT }),
  'privacy:extendRequest': channel({ input: extendRequestInput, output: requestView, access: OVERSIGHT }),
  'privacy:closeRequest': channel({ input: closeRequestInput, output: requestView, access: OVERSIGHT }),
  /** Everything held about the person of an access request, as JSON (written to the audit trail as an export). */
  'privacy:exportRequest': channel({ input: z.object({ id: z.string().uuid() }), output: exportResult, access: OVERSIGHT }),
  /** The same export as an Arabic A4 PDF with the society's header (also logged as an export). */
  'privacy:exportRequestPdf': channel({ input: z.object({ id: z.string().uuid() }), output: exportPdfResult, access: OVERSIGHT }),
  'privacy:retention': channel({ input: nothing, output: z.array(retentionRule), access: ADMINS }),
  'privacy:setRetention': channel({ input: setRetentionInput, output: z.array(retentionRule), access: ADMINS }),
  /** Runs the retention purge now (it also runs from `npm run cli -- privacy purge`). */
  'privacy:runPurge': channel({ input: z.object({ confirm: z.literal('purge') }), output: purgeResult, access: ADMINS }),
  'privacy:breaches': channel({ input: nothing, output: z.array(breachView), access: OVERSIGHT }),
  'privacy:recordBreach': channel({ input: recordBreachInput, output: breachView, access: OVERSIGHT }),
  'privacy:updateBreach': channel({ input: updateBreachInput, output: breachView, access: OVERSIGHT }),
};
