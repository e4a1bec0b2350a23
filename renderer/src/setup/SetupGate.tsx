/** Until the first-run wizard is finished, an administrator sees it instead of the app. */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/use-session';
import { SetupWizard } from './SetupWizard';

export function SetupGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const isAdmin = session.data?.user.role === 'administrator';
  const status = useQuery({ queryKey: ['setup-status'], queryFn: () => unwrap(api().setup.status({})), enabled: isAdmin });
  if (isAdmin && status.isPending) return null;
  if (isAdmin && status.data && !status.data.complete) return <SetupWizard />;
  return <>{children}</>;
}
