/**
 * The one contract: every channel the renderer may call. Each domain declares its channels in
 * its own `contract.ts`; they are merged here.
 */
import { beneficiariesContract } from '../beneficiaries/contract';
import { sessionContract } from '../session/contract';

export const contract = {
  ...sessionContract,
  ...beneficiariesContract,
};

export const CHANNELS = Object.freeze(Object.keys(contract)) as readonly (keyof typeof contract & string)[];
