/** i18next with the two languages bundled (no network); Arabic by default, right-to-left. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messagesAr, messagesEn } from './messages';
import type { Language } from '../../../shared/dates/calendars';

export const LANGUAGE_KEY = 'istiqbal.language';

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

const stored = localStorage.getItem(LANGUAGE_KEY);
const initial: Language = stored === 'en' ? 'en' : 'ar';

void i18n.use(initReactI18next).init({
  resources: { ar: { translation: messagesAr }, en: { translation: messagesEn } },
  lng: initial,
  fallbackLng: 'ar',
  interpolation: { escapeValue: false },
});
applyDocumentLanguage(initial);

export default i18n;
