/** Turns a refused call into the words to show: the main message and one message per field. */
import { ApiError } from '../api/client';
import type { Language } from '../../../shared/dates/calendars';

export interface Refusal {
  message: string;
  fields: Record<string, string>;
}

export function refusalOf(error: unknown, language: Language, fallback: string): Refusal {
  if (error instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const f of error.payload.fields ?? []) fields[f.path.replace(/^data\./, '')] ??= f.message[language];
    return { message: error.payload.message[language], fields };
  }
  return { message: fallback, fields: {} };
}
