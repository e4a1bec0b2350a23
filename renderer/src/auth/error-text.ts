/** The message of a failed call in the current language, with the field messages when present. */
import { ApiError } from '../api/client';
import type { Language } from '../../../shared/dates/calendars';

export function errorText(error: unknown, language: Language): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    const fields = error.payload.fields?.map((f) => f.message[language]) ?? [];
    return [error.payload.message[language], ...fields].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
