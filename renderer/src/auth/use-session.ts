/** The signed-in session as the renderer knows it, and whether its role may use a channel. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { contract } from '../../../shared/contract/index';
import type { ChannelName } from '../../../shared/contract/api-types';
import { roleMayUse } from '../../../shared/auth/permissions';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => unwrap(api().session.current({})) });
}

/** The renderer only hides; the router refuses. */
export function useCan(channel: ChannelName): boolean {
  const session = useSession();
  return roleMayUse(contract[channel].access, session.data?.user.role);
}
