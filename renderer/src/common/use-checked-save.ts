/**
 * A plain form's save: the input is checked with the shared schema first (messages by field,
 * nothing sent), then saved; a refusal from the router maps back onto the same fields. What was
 * typed is never cleared on a failure — only `onSaved` decides what to reset.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { useLanguage } from '../app/use-language';
import { serverErrors, zodErrors } from './form-errors';

export interface SaveMessage {
  ok: boolean;
  text: string;
}

export function useCheckedSave<I, R>(options: {
  schema: z.ZodType<I>;
  input: () => I;
  save: (input: I) => Promise<R>;
  /** Runs after a save; returns the confirmation to show. */
  onSaved: (result: R) => Promise<string> | string;
  /** Shown above the form when the schema refuses the input. */
  invalidMessage: string;
}) {
  const language = useLanguage();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<SaveMessage | null>(null);
  const mutation = useMutation({
    mutationFn: () => options.save(options.input()),
    onSuccess: async (result) => setMsg({ ok: true, text: await options.onSaved(result) }),
    onError: (e) => {
      if (!(e instanceof ApiError)) return setMsg({ ok: false, text: String(e) });
      setMsg({ ok: false, text: e.payload.message[language] });
      setErrors(serverErrors(e.payload.fields ?? [], language));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = options.schema.safeParse(options.input());
    if (!parsed.success) {
      setErrors(zodErrors(parsed.error, language));
      setMsg({ ok: false, text: options.invalidMessage });
      return;
    }
    setErrors({});
    mutation.mutate();
  };
  return { errors, msg, submit, pending: mutation.isPending };
}
