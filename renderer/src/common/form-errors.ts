/**
 * Turns schema issues (from the shared zod schemas in the form, or from the router's VALIDATION
 * error) into @mantine/form field errors in the user's language.
 */
import type { z } from 'zod';
import { issueMessageKey, validationMessage } from '../../../shared/i18n/validation-messages';
import type { FieldIssue } from '../../../shared/errors/app-error';
import type { Language } from '../../../shared/dates/calendars';

/** Form field path of a schema path: inputs wrapped as `data`, and dates typed as `{ calendar, value }`, map to their box. */
function formPath(path: string): string {
  return path.replace(/^data\./, '').replace(/\.value$/, '');
}

export function zodErrors(error: z.ZodError, language: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = formPath(issue.path.join('.'));
    errors[path] ??= validationMessage(issueMessageKey(issue))[language];
  }
  return errors;
}

export function serverErrors(fields: FieldIssue[], language: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) errors[formPath(f.path)] ??= f.message[language];
  return errors;
}
