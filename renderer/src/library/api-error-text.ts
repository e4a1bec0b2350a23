/** The core's bilingual message for a failed call, in the screen's language. */
import { ApiError } from '../api/client';

export function apiErrorText(e: unknown, language: 'ar' | 'en'): string {
  if (e instanceof ApiError) return (e.payload.fields?.[0]?.message ?? e.payload.message)[language];
  return String(e);
}
