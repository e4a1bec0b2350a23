import type { authContract } from '../../shared/auth/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { SessionStore } from '../session/session-store';
import type { AuthService } from './auth-service';
import type { UserService } from './user-service';

export function authHandlers(auth: AuthService, users: UserService, sessions: SessionStore): HandlersOf<keyof typeof authContract> {
  return {
    'auth:status': () => auth.status(),
    'auth:signIn': (input) => auth.signIn(input.username, input.password),
    'auth:setupFirstAdmin': (input) => auth.setupFirstAdmin(input),
    'auth:signOut': async (input) => ({ signedOut: await auth.signOut(input.reason) }),
    'auth:activity': async () => {
      sessions.touch();
      return { ok: true };
    },
    'auth:changePassword': async (input, ctx) => {
      await auth.changePassword(ctx.actor().userId, input.currentPassword, input.newPassword);
      return { ok: true };
    },
    'auth:policy': () => auth.policy(),
    'auth:setPolicy': (input, ctx) => auth.setPolicy(ctx.actor().userId, input.idleLockMinutes),
    'users:list': () => users.list(),
    'users:create': (input, ctx) => users.create(ctx.actor(), input),
    'users:update': (input, ctx) => users.update(ctx.actor(), input),
    'users:resetPassword': (input, ctx) => users.resetPassword(ctx.actor(), input.id, input.password),
    'users:unlock': (input, ctx) => users.unlock(ctx.actor(), input.id),
  };
}
