/** User management for administrators: every change is one transaction with its audit entry. */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { Role } from '../../shared/auth/roles';
import type { UserView } from '../../shared/auth/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { hashPassword } from './password-hash';
import { AUTH_MESSAGES } from './auth-messages';
import { toUserView } from './user-rows';

export function createUserService({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function load(trx: Db | Transaction<Database>, id: string) {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return row;
  }
  const audited = (view: UserView) => ({ username: view.username, displayName: view.displayName, role: view.role, active: view.active });

  return {
    async list(): Promise<UserView[]> {
      const rows = await db.selectFrom('users').selectAll().where('deleted_at', 'is', null).orderBy('username').execute();
      return rows.map(toUserView);
    },

    async create(actor: Actor, input: { username: string; displayName: string; role: Role; password: string }): Promise<UserView> {
      const now = clock.now();
      const at = now.toISOString();
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
        if (taken) throw new AppError('DUPLICATE', AUTH_MESSAGES.usernameTaken, [{ path: 'username', message: AUTH_MESSAGES.usernameTaken }]);
        const id = newId();
        await trx
          .insertInto('users')
          .values({
            id,
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            password_hash: passwordHash,
            active: 1,
            password_changed_at: at,
            created_at: at,
            updated_at: at,
            created_by: actor.userId,
            counter_id: actor.counterId,
            deleted_at: null,
          })
          .execute();
        const view = toUserView(await load(trx, id));
        await appendAudit(trx, actor, { action: 'create', entity: 'user', entityId: id, after: audited(view) }, newId(), now);
        return view;
      });
    },

    async update(actor: Actor, input: { id: string; displayName: string; role: Role; active: boolean }): Promise<UserView> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = toUserView(await load(trx, input.id));
        const losesAdmin = before.role === 'administrator' && before.active && (input.role !== 'administrator' || !input.active);
        if (losesAdmin) {
          const others = await trx
            .selectFrom('users')
            .select('id')
            .where('role', '=', 'administrator')
            .where('active', '=', 1)
            .where('password_hash', 'is not', null)
            .where('deleted_at', 'is', null)
            .where('id', '!=', input.id)
            .limit(1)
            .executeTakeFirst();
          if (!others) throw new AppError('FORBIDDEN', AUTH_MESSAGES.lastAdmin, undefined, { reason: 'last_admin' });
        }
        await trx
          .updateTable('users')
          .set({ display_name: input.displayName, role: input.role, active: input.active ? 1 : 0, updated_at: now.toISOString() })
          .where('id', '=', input.id)
          .execute();
        const after = toUserView(await load(trx, input.id));
        await appendAudit(trx, actor, { action: 'update', entity: 'user', entityId: input.id, before: audited(before), after: audited(after) }, newId(), now);
        return after;
      });
    },

    async resetPassword(actor: Actor, id: string, password: string): Promise<UserView> {
      const now = clock.now();
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        await load(trx, id);
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: now.toISOString(), failed_attempts: 0, locked_until: null, updated_at: now.toISOString() })
          .where('id', '=', id)
          .execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'user', entityId: id, after: { passwordReset: true } }, newId(), now);
        return toUserView(await load(trx, id));
      });
    },

    async unlock(actor: Actor, id: string): Promise<UserView> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'user', entityId: id, before: { lockedUntil: before.locked_until }, after: { lockedUntil: null } }, newId(), now);
        return toUserView(await load(trx, id));
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
