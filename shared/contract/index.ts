/**
 * The one contract: every channel the renderer may call. Each domain declares its channels in
 * its own `contract.ts`; they are merged here.
 */
import { beneficiariesContract } from '../beneficiaries/contract';
import { sessionContract } from '../session/contract';
import { walkInsContract } from '../walk-ins/contract';
import { requestsContract } from '../requests/contract';
import { callsContract } from '../calls/contract';
import { lettersContract } from '../letters/contract';
import { contactsContract } from '../contacts/contract';
import { volunteersContract } from '../volunteers/contract';
import { timelineContract } from '../timeline/contract';

export const contract = {
  ...sessionContract,
  ...beneficiariesContract,
  ...walkInsContract,
  ...requestsContract,
  ...callsContract,
  ...lettersContract,
  ...contactsContract,
  ...volunteersContract,
  ...timelineContract,
};

export const CHANNELS = Object.freeze(Object.keys(contract)) as readonly (keyof typeof contract & string)[];
