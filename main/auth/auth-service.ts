/**
 * Sign-in, sign-out, the first administrator and password changes. Every outcome (success,
 * failure, lock-out, sign-out, idle lock) is written to the audit trail in the same transaction
 * as the state it changes.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { SessionStore } from '../session/session-store';
import type { SessionView } from '../../shared/session/schemas';
import type { AuthStatus } from '../../shared/auth/schemas';
import type { Role } from '../../shared/auth/roles';
import { AppError } from '../../shared/errors/app-error';
import { appendAudit } from '../audit/append-audit';
import { hashPassword, verifyPassword } from './password-hash';
import { AUTH_MESSAGES } from './auth-messages';
import { IDLE_LOCK_SETTING, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, readIdleLockMinutes } from './auth-policy';

export interface CounterInfo {
  id: string;
  code: string;
  name: string;
}

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  sessions: SessionStore;
  counter: CounterInfo;
}

/** Who the audit trail names for a failed attempt on a username that does not exist. */
export const UNKNOWN_USER = 'unknown';

export function createAuthService({ db, clock, newId, sessions, counter }: AuthServiceDeps) {
  let demoCredentials: AuthStatus['demoCredentials'] = null;

  const sessionFor = (user: { id: string; display_name: string; role: string }, autoSignedIn = false): SessionView => ({
    user: { id: user.id, displayName: user.display_name, role: user.role as Role },
    counter,
    autoSignedIn,
  });

  sessions.onIdleEnd((ended) => {
    const now = clock.now();
    void db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { userId: ended.user.id, counterId: counter.id }, { action: 'sign_out', entity: 'user', entityId: ended.user.id, after: { reason: 'idle' } }, newId(), now),
      )
      .catch(() => undefined);
  });

  async function refreshIdleLimit(): Promise<number> {
    const minutes = await readIdleLockMinutes(db);
    sessions.setIdleLimitMinutes(minutes);
    return minutes;
  }

  const service = {
    async status(): Promise<AuthStatus> {
      const withPassword = await db.selectFrom('users').select('id').where('password_hash', 'is not', null).where('active', '=', 1).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
      return {
        needsFirstAdmin: !withPassword,
        idleLockMinutes: await refreshIdleLimit(),
        demoCredentials,
        lastEnded: sessions.current() ? null : sessions.lastEnded(),
      };
    },

    async signIn(username: string, password: string): Promise<SessionView> {
      const now = clock.now();
      const user = await db.selectFrom('users').selectAll().where('username', '=', username).where('deleted_at', 'is', null).executeTakeFirst();
      const lockedNow = !!user?.locked_until && user.locked_until > now.toISOString();
      const good = !lockedNow && user?.active === 1 && (await verifyPassword(user?.password_hash ?? null, password));
      if (!user || !good) {
        const attempts = user && !lockedNow ? user.failed_attempts + 1 : (user?.failed_attempts ?? 0);
        const lockUntil = attempts >= MAX_FAILED_ATTEMPTS && !lockedNow ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
        await db.transaction().execute(async (trx) => {
          if (user && !lockedNow) {
            await trx
              .updateTable('users')
              .set({ failed_attempts: lockUntil ? 0 : attempts, ...(lockUntil ? { locked_until: lockUntil } : {}) })
              .where('id', '=', user.id)
              .execute();
          }
          await appendAudit(
            trx,
            { userId: user?.id ?? UNKNOWN_USER, counterId: counter.id },
            { action: 'sign_in_failed', entity: 'user', entityId: user?.id ?? null, after: { locked: lockedNow || !!lockUntil } },
            newId(),
            now,
          );
        });
        if (lockedNow || lockUntil) throw new AppError('FORBIDDEN', AUTH_MESSAGES.locked, undefined, { reason: 'locked' });
        throw new AppError('FORBIDDEN', AUTH_MESSAGES.badCredentials, undefined, { reason: 'bad_credentials' });
      }
      const previous = sessions.current();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
        if (previous && previous.user.id !== user.id) {
          await appendAudit(trx, { userId: previous.user.id, counterId: counter.id }, { action: 'sign_out', entity: 'user', entityId: previous.user.id, after: { reason: 'replaced' } }, newId(), now);
        }
        await appendAudit(trx, { userId: user.id, counterId: counter.id }, { action: 'sign_in', entity: 'user', entityId: user.id }, newId(), now);
      });
      await refreshIdleLimit();
      const session = sessionFor(user);
      sessions.set(session);
      return session;
    },

    async signOut(reason: 'user' | 'idle'): Promise<boolean> {
      const current = sessions.current();
      if (!current) return false;
      const now = clock.now();
      await db.transaction().execute((trx) =>
        appendAudit(trx, { userId: current.user.id, counterId: counter.id }, { action: 'sign_out', entity: 'user', entityId: current.user.id, after: { reason } }, newId(), now),
      );
      sessions.end(reason);
      return true;
    },

    /** The first-run step: gives the bootstrap administrator a name and password, or creates one. */
    async setupFirstAdmin(input: { username: string; displayName: string; password: string }): Promise<SessionView> {
      const now = clock.now();
      const at = now.toISOString();
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('users').select('id').where('password_hash', 'is not', null).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
        if (existing) throw new AppError('FORBIDDEN', AUTH_MESSAGES.setupDone, undefined, { reason: 'setup_done' });
        const taken = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', input.username).executeTakeFirst();
        const bootstrapAdmin = await trx
          .selectFrom('users')
          .select('id')
          .where('role', '=', 'administrator')
          .where('password_hash', 'is', null)
          .where('deleted_at', 'is', null)
          .orderBy('created_at')
          .limit(1)
          .executeTakeFirst();
        if (taken && taken.id !== bootstrapAdmin?.id) throw new AppError('DUPLICATE', AUTH_MESSAGES.usernameTaken, [{ path: 'username', message: AUTH_MESSAGES.usernameTaken }]);
        const values = { username: input.username, display_name: input.displayName, role: 'administrator', password_hash: passwordHash, active: 1, password_changed_at: at, updated_at: at };
        let id: string;
        if (bootstrapAdmin) {
          id = bootstrapAdmin.id;
          await trx.updateTable('users').set(values).where('id', '=', id).execute();
        } else {
          id = newId();
          await trx.insertInto('users').values({ ...values, id, created_at: at, created_by: id, counter_id: counter.id, deleted_at: null }).execute();
        }
        const actor = { userId: id, counterId: counter.id };
        await appendAudit(trx, actor, { action: bootstrapAdmin ? 'update' : 'create', entity: 'user', entityId: id, after: { username: input.username, role: 'administrator', firstRun: true } }, newId(), now);
        await appendAudit(trx, actor, { action: 'sign_in', entity: 'user', entityId: id }, newId(), now);
        return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      });
      await refreshIdleLimit();
      const session = sessionFor(user);
      sessions.set(session);
      return session;
    },

    async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
      const now = clock.now();
      const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, currentPassword))) {
        throw new AppError('VALIDATION', AUTH_MESSAGES.wrongCurrentPassword, [{ path: 'currentPassword', message: AUTH_MESSAGES.wrongCurrentPassword }]);
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', userId).execute();
        await appendAudit(trx, { userId, counterId: counter.id }, { action: 'update', entity: 'user', entityId: userId, after: { passwordChanged: true } }, newId(), now);
      });
    },

    async policy() {
      return { idleLockMinutes: await refreshIdleLimit() };
    },

    async setPolicy(userId: string, idleLockMinutes: number) {
      const now = clock.now();
      const at = now.toISOString();
      const before = await readIdleLockMinutes(db);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: IDLE_LOCK_SETTING, value: String(idleLockMinutes), updated_at: at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(idleLockMinutes), updated_at: at }))
          .execute();
        await appendAudit(trx, { userId, counterId: counter.id }, { action: 'update', entity: 'setting', entityId: IDLE_LOCK_SETTING, before, after: idleLockMinutes }, newId(), now);
      });
      return { idleLockMinutes: await refreshIdleLimit() };
    },

    /**
     * Demo mode (preview, `npm start --demo`) and the CLI only: opens a session for the first
     * administrator without a password, marked `autoSignedIn` so the status bar says so. In demo
     * mode a passwordless administrator gets the documented demo password, which the sign-in
     * screen then shows; the CLI (run by someone who holds the database file anyway) sets none.
     */
    async openDemoSession(credentials: { username: string; password: string } | null, method: 'demo' | 'cli' = 'demo'): Promise<SessionView> {
      const now = clock.now();
      const admin = await db.selectFrom('users').selectAll().where('role', '=', 'administrator').where('active', '=', 1).where('deleted_at', 'is', null).orderBy('created_at').limit(1).executeTakeFirst();
      if (!admin) throw new Error('no administrator to open the session as');
      if (credentials && !admin.password_hash) {
        const passwordHash = await hashPassword(credentials.password);
        await db.updateTable('users').set({ username: credentials.username, password_hash: passwordHash, password_changed_at: now.toISOString() }).where('id', '=', admin.id).execute();
        admin.username = credentials.username;
        admin.password_hash = passwordHash;
      }
      if (credentials && admin.username === credentials.username && (await verifyPassword(admin.password_hash, credentials.password))) demoCredentials = credentials;
      await db.transaction().execute((trx) =>
        appendAudit(trx, { userId: admin.id, counterId: counter.id }, { action: 'sign_in', entity: 'user', entityId: admin.id, after: { method } }, newId(), now),
      );
      await refreshIdleLimit();
      const session = sessionFor(admin, true);
      sessions.set(session);
      return session;
    },
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
