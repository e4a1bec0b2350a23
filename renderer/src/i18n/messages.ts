/**
 * All UI text, assembled from the shell's words and each domain's own file, so a feature's
 * strings live beside its screens. Add a domain here with one line per language.
 */
import { shellAr } from './ar';
import { shellEn } from './en';
import { beneficiariesAr, beneficiariesEn } from '../beneficiaries/i18n';
import { settingsAr, settingsEn } from '../settings/i18n';
import { setupAr, setupEn } from '../setup/i18n';
import { callsAr, callsEn } from '../calls/i18n';
import { lettersAr, lettersEn } from '../letters/i18n';
import { contactsAr, contactsEn } from '../contacts/i18n';
import { timelineAr, timelineEn } from '../timeline/i18n';
import { receptionAr, receptionEn } from '../reception/i18n';
import { requestsAr, requestsEn } from '../requests/i18n';
import { authAr, authEn } from '../auth/i18n';
import { auditAr, auditEn } from '../audit/i18n';
import { privacyAr, privacyEn } from '../privacy/i18n';
import { printingAr, printingEn } from '../printing/i18n';
import { syncAr, syncEn } from '../sync/i18n';
import { reportsAr, reportsEn } from '../reports/i18n';
import { pdfAr, pdfEn } from '../pdf/i18n';
import { libraryAr, libraryEn } from '../library/i18n';
import { encryptionAr, encryptionEn } from '../encryption/i18n';

export const messagesAr = {
  ...shellAr,
  sync: syncAr,
  beneficiaries: beneficiariesAr,
  settings: settingsAr,
  setup: setupAr,
  calls: callsAr,
  letters: lettersAr,
  contacts: contactsAr,
  timeline: timelineAr,
  reception: receptionAr,
  requests: requestsAr,
  auth: authAr,
  audit: auditAr,
  privacy: privacyAr,
  printing: printingAr,
  reports: reportsAr,
  pdf: pdfAr,
  library: libraryAr,
  encryption: encryptionAr,
};

export const messagesEn: typeof messagesAr = {
  ...shellEn,
  sync: syncEn,
  beneficiaries: beneficiariesEn,
  settings: settingsEn,
  setup: setupEn,
  calls: callsEn,
  letters: lettersEn,
  contacts: contactsEn,
  timeline: timelineEn,
  reception: receptionEn,
  requests: requestsEn,
  auth: authEn,
  audit: auditEn,
  privacy: privacyEn,
  printing: printingEn,
  reports: reportsEn,
  pdf: pdfEn,
  library: libraryEn,
  encryption: encryptionEn,
};
