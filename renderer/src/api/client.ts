/**
 * The renderer's only door to the core: `window.api`, exposed by the preload (or by the test
 * harness) and typed from the shared contract. `unwrap` turns an error value into an exception
 * that carries the bilingual message and field issues, for react-query and forms.
 */
import type { Api } from '../../../shared/contract/api-types';
import type { AppErrorPayload, Result } from '../../../shared/errors/app-error';

declare global {
  interface Window {
    api: Api;
  }
}

export const api = (): Api => window.api;

export class ApiError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.message.en);
    this.name = 'ApiError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
