/**
 * Shows the app only to a signed-in user: otherwise the first-run step (no user has a password
 * yet) or the sign-in form. Runs the idle lock while signed in.
 */
import { useEffect, type ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import { afterSessionChange } from './session-change';
import { useSession } from './use-session';
import { useIdleLock } from './use-idle-lock';
import { SignInScreen } from './SignInScreen';
import { FirstAdminScreen } from './FirstAdminScreen';

export function AuthGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const status = useQuery({ queryKey: ['auth-status'], queryFn: () => unwrap(api().auth.status({})) });
  const signedIn = !!session.data;
  useIdleLock(status.data?.idleLockMinutes ?? 10, signedIn);
  const queryClient = useQueryClient();
  // The core may end the session on its own (its idle check): any NOT_SIGNED_IN answer brings the sign-in form back.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const error = event.query.state.error;
        if (event.type === 'updated' && error instanceof ApiError && error.payload.code === 'NOT_SIGNED_IN') void afterSessionChange(queryClient);
      }),
    [queryClient],
  );

  if (session.isPending || status.isPending) return <Loader m="xl" aria-label="…" />;
  if (signedIn) return <>{children}</>;
  if (status.data?.needsFirstAdmin) return <FirstAdminScreen />;
  return <SignInScreen status={status.data!} />;
}
