/**
 * All UI text, assembled from the shell's words and each domain's own file, so a feature's
 * strings live beside its screens. Add a domain here with one line per language.
 */
import { shellAr } from './ar';
import { shellEn } from './en';
import { beneficiariesAr, beneficiariesEn } from '../beneficiaries/i18n';
import { settingsAr, settingsEn } from '../settings/i18n';
import { receptionAr, receptionEn } from '../reception/i18n';
import { requestsAr, requestsEn } from '../requests/i18n';

export const messagesAr = {
  ...shellAr,
  beneficiaries: beneficiariesAr,
  settings: settingsAr,
  reception: receptionAr,
  requests: requestsAr,
};

export const messagesEn: typeof messagesAr = {
  ...shellEn,
  beneficiaries: beneficiariesEn,
  settings: settingsEn,
  reception: receptionEn,
  requests: requestsEn,
};
