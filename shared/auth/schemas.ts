/** Users, sign-in and the auth policy as they cross the IPC boundary. */
import { z } from 'zod';
import { ROLES } from './roles';
import { passwordProblem } from './password-rules';
import { sessionView } from '../session/schemas';
import { toLatinDigits } from '../text/digits';

export const usernameField = z
  .string()
  .transform((s) => toLatinDigits(s).trim().toLowerCase())
  .pipe(z.string().min(3, 'username.invalid').max(32, 'username.invalid').regex(/^[a-z][a-z0-9._-]*$/, 'username.invalid'));

/** A new password: the rules of password-rules.ts, each failing with its own message key. */
export const newPasswordField = z.string().max(256, 'password.long').superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A password being checked, not set: never judged by the rules, only length-bounded. */
const givenPassword = z.string().min(1, 'required').max(256, 'password.long');

export const displayNameField = z.string().trim().min(1, 'required').max(60, 'tooLong');

export const signInInput = z.object({ username: usernameField, password: givenPassword });

export const firstAdminInput = z.object({
  username: usernameField,
  displayName: displayNameField,
  password: newPasswordField,
});

export const authStatus = z.object({
  /** No user has a password yet: the first-run step creates the first administrator. */
  needsFirstAdmin: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** Only in demo mode (preview / `npm start`), never in a real installation. */
  demoCredentials: z.object({ username: z.string(), password: z.string() }).nullable(),
  /** Why the last session ended, when it was not the user's own choice. */
  lastEnded: z.enum(['idle']).nullable(),
});
export type AuthStatus = z.infer<typeof authStatus>;

export const signOutInput = z.object({ reason: z.enum(['user', 'idle']) });

export const changePasswordInput = z.object({ currentPassword: givenPassword, newPassword: newPasswordField });

export const authPolicy = z.object({ idleLockMinutes: z.number().int().min(1).max(120) });

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  hasPassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const createUserInput = z.object({
  username: usernameField,
  displayName: displayNameField,
  role: z.enum(ROLES),
  password: newPasswordField,
});

export const updateUserInput = z.object({
  id: z.string().uuid(),
  displayName: displayNameField,
  role: z.enum(ROLES),
  active: z.boolean(),
});

export const resetPasswordInput = z.object({ id: z.string().uuid(), password: newPasswordField });

export { sessionView };
