import type { Bilingual } from '../../../shared/errors/app-error';
import type { Language } from '../../../shared/dates/calendars';

export function pick(text: Bilingual, language: Language): string {
  return text[language];
}
