import type { z } from 'zod';
import type { AppErrorPayload } from '../../../shared/errors/app-error';
import { issueMessageKey, validationMessage } from '../../../shared/i18n/validation-messages';
import type { Language } from '../../../shared/dates/calendars';

/** Field messages of a schema failure, by field path, in the user's language. */
export function issuesByField(error: z.ZodError, language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join('.')] ??= validationMessage(issueMessageKey(issue))[language];
  return out;
}

export function payloadByField(payload: AppErrorPayload, language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of payload.fields ?? []) out[f.path.replace(/^data\./, '')] ??= f.message[language];
  return out;
}
