import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF, type Role } from '../auth/roles';
import {
  decideInput,
  declarationView,
  deliverInput,
  pendingRequest,
  requestDraftInput,
  requestView,
  saveDeclarationInput,
  saveSupportTypeInput,
  signInput,
  supportTypeView,
  verifyItemInput,
} from './schemas';
import { REQUEST_STATUSES } from './status';

export const COMMITTEE: readonly Role[] = ['committee_member', 'manager', 'administrator'];
export const COUNTER_ADMINS: readonly Role[] = ['manager', 'administrator'];
/** Who records a delivered service: the counter staff and managers. */
export const DELIVERERS: readonly Role[] = ['receptionist', 'social_researcher', 'manager', 'administrator'];

const id = z.string().uuid();

export const requestsContract = {
  'requests:types': channel({ input: z.object({}).optional(), output: z.array(supportTypeView), access: STAFF }),
  'requests:saveType': channel({ input: saveSupportTypeInput, output: supportTypeView, access: COUNTER_ADMINS }),
  'requests:declaration': channel({ input: z.object({}).optional(), output: declarationView, access: STAFF }),
  'requests:declarationHistory': channel({ input: z.object({}).optional(), output: z.array(declarationView), access: COUNTER_ADMINS }),
  'requests:saveDeclaration': channel({ input: saveDeclarationInput, output: declarationView, access: COUNTER_ADMINS }),
  'requests:createDraft': channel({
    input: z.object({ visitId: id.nullish(), beneficiaryId: id, data: requestDraftInput }),
    output: requestView,
    access: STAFF,
  }),
  'requests:updateDraft': channel({ input: z.object({ id, version: z.number().int(), data: requestDraftInput }), output: requestView, access: STAFF }),
  'requests:get': channel({ input: z.object({ id }), output: requestView, access: STAFF, readsPersonalData: true }),
  'requests:verifyItem': channel({ input: verifyItemInput, output: requestView, access: STAFF }),
  'requests:sign': channel({ input: signInput, output: requestView, access: STAFF }),
  'requests:submit': channel({ input: z.object({ id, version: z.number().int() }), output: requestView, access: STAFF }),
  'requests:list': channel({
    input: z.object({ statuses: z.array(z.enum(REQUEST_STATUSES)).min(1).max(7) }),
    output: z.array(pendingRequest),
    access: STAFF,
    readsPersonalData: true,
  }),
  'requests:forBeneficiary': channel({ input: z.object({ beneficiaryId: id }), output: z.array(requestView), access: STAFF, readsPersonalData: true }),
  'requests:decide': channel({ input: decideInput, output: requestView, access: COMMITTEE }),
  'requests:deliver': channel({ input: deliverInput, output: requestView, access: DELIVERERS }),
  'requests:close': channel({ input: z.object({ id }), output: requestView, access: COUNTER_ADMINS }),
};
