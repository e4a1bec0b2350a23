/**
 * After sign-in, sign-out or an idle lock: drop every cached answer (the next user must not see
 * the previous user's data, even briefly) and re-ask who is signed in.
 */
import type { QueryClient } from '@tanstack/react-query';

const KEEP = new Set(['session', 'auth-status']);

export async function afterSessionChange(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => !KEEP.has(String(q.queryKey[0])) });
  await Promise.all([queryClient.invalidateQueries({ queryKey: ['session'] }), queryClient.invalidateQueries({ queryKey: ['auth-status'] })]);
}
