/** Types derived from the contract: what each side of the boundary sees. */
import type { z } from 'zod';
import type { Result } from '../errors/app-error';
import type { ChannelMap } from './define';
import type { contract } from './index';

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = z.output<Contract[C]['output']>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** `window.api`: grouped by domain, one promise-returning function per channel. */
export type ApiOf<M extends ChannelMap> = {
  [D in DomainOf<keyof M>]: {
    [V in VerbOf<keyof M, D>]: `${D}:${V}` extends keyof M
      ? (input: z.input<M[`${D}:${V}`]['input']>) => Promise<Result<z.output<M[`${D}:${V}`]['output']>>>
      : never;
  };
};

export type Api = ApiOf<Contract>;
