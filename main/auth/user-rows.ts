import type { Selectable } from 'kysely';
import type { UsersTable } from '../db/schema';
import type { UserView } from '../../shared/auth/schemas';
import type { Role } from '../../shared/auth/roles';

export function toUserView(row: Selectable<UsersTable>): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}
