/** Whether a role may call a channel: the rule the router enforces, for the renderer to hide what it forbids. */
import type { Access } from '../contract/define';
import type { Role } from './roles';

export function roleMayUse(access: Access, role: Role | null | undefined): boolean {
  if (access === 'public') return true;
  return !!role && access.includes(role);
}
