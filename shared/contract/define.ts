/**
 * The shape of one IPC channel: its input and output schemas and who may call it. Every channel
 * is named `domain:verb`; the preload, the router and the renderer client are all derived from
 * the same map, so the compiler complains when one side drifts.
 */
import type { z } from 'zod';
import type { Role } from '../auth/roles';

/** `public` channels answer before anyone signs in (e.g. the sign-in itself). */
export type Access = 'public' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Channels that read personal data say so; the audit trail records every such call. */
  readsPersonalData?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

export type ChannelMap = Record<`${string}:${string}`, ChannelDef>;
