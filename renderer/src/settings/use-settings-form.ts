/**
 * A settings form bound to a schema and two channels (read, save): validates with the shared
 * schema, shows server errors on their fields, and keeps what the user typed when a save fails.
 */
import { useEffect, useState } from 'react';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { useLanguage } from '../app/use-language';
import { serverErrors, zodErrors } from '../common/form-errors';

export function useSettingsForm<S extends z.ZodType, V extends Record<string, unknown>>(options: {
  key: string;
  schema: S;
  load: () => Promise<z.output<S>>;
  save: (input: z.input<S>) => Promise<z.output<S>>;
  toForm: (value: z.output<S>) => V;
  toInput: (values: V) => z.input<S>;
  empty: V;
}) {
  const language = useLanguage();
  const client = useQueryClient();
  const [status, setStatus] = useState<'idle' | 'saved' | string>('idle');
  const query = useQuery({ queryKey: ['settings', options.key], queryFn: options.load });
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.empty,
    validateInputOnBlur: true,
    validate: (values) => {
      const parsed = options.schema.safeParse(options.toInput(values));
      return parsed.success ? {} : zodErrors(parsed.error, language);
    },
  });
  useEffect(() => {
    if (query.data) form.initialize(options.toForm(query.data));
    // Only when the loaded value changes; the form object is stable.
  }, [query.data]);
  const mutation = useMutation({
    mutationFn: (values: V) => options.save(options.toInput(values)),
    onSuccess: async () => {
      setStatus('saved');
      await client.invalidateQueries({ queryKey: ['settings', options.key] });
      // The session and status bar show settings too (the counter's name and code).
      await client.invalidateQueries({ queryKey: ['session'] });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return setStatus(String(error));
      setStatus(error.payload.message[language]);
      if (error.payload.fields) form.setErrors(serverErrors(error.payload.fields, language));
    },
  });
  const onSubmit = form.onSubmit((values) => {
    setStatus('idle');
    mutation.mutate(values);
  });
  // Fields appear only once the saved values are in them: typing into a box that a late load
  // then overwrites would lose what the user typed.
  const ready = query.isSuccess && form.initialized;
  return { form, onSubmit, status, saving: mutation.isPending, ready };
}
