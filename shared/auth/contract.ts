/** Sign-in, sign-out, the first administrator and user management. */
import { z } from 'zod';
import { channel } from '../contract/define';
import { ADMINS, STAFF } from './roles';
import {
  authPolicy,
  authStatus,
  changePasswordInput,
  createUserInput,
  firstAdminInput,
  resetPasswordInput,
  sessionView,
  signInInput,
  signOutInput,
  updateUserInput,
  userView,
} from './schemas';

const nothing = z.undefined().or(z.object({}));

export const authContract = {
  'auth:status': channel({ input: nothing, output: authStatus, access: 'public' }),
  'auth:signIn': channel({ input: signInInput, output: sessionView, access: 'public' }),
  /** Works only while no user has a password; refused afterwards. */
  'auth:setupFirstAdmin': channel({ input: firstAdminInput, output: sessionView, access: 'public' }),
  'auth:signOut': channel({ input: signOutInput, output: z.object({ signedOut: z.boolean() }), access: STAFF }),
  /** The renderer reports keyboard/mouse activity so the main-side idle check agrees with it. */
  'auth:activity': channel({ input: nothing, output: z.object({ ok: z.boolean() }), access: STAFF }),
  'auth:changePassword': channel({ input: changePasswordInput, output: z.object({ ok: z.boolean() }), access: STAFF }),
  'auth:policy': channel({ input: nothing, output: authPolicy, access: ADMINS }),
  'auth:setPolicy': channel({ input: authPolicy, output: authPolicy, access: ADMINS }),
  'users:list': channel({ input: nothing, output: z.array(userView), access: ADMINS }),
  'users:create': channel({ input: createUserInput, output: userView, access: ADMINS }),
  'users:update': channel({ input: updateUserInput, output: userView, access: ADMINS }),
  'users:resetPassword': channel({ input: resetPasswordInput, output: userView, access: ADMINS }),
  'users:unlock': channel({ input: z.object({ id: z.string().uuid() }), output: userView, access: ADMINS }),
};
