import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';
import { CONTACT_STATUSES, CONVERSION_KINDS, contactFilter, contactInput, contactPrefill, contactView } from './schemas';

export const contactsContract = {
  'contacts:create': channel({ input: contactInput, output: contactView, access: STAFF }),
  'contacts:list': channel({ input: contactFilter, output: z.array(contactView), access: STAFF, readsPersonalData: true }),
  'contacts:setStatus': channel({ input: z.object({ id: z.string().uuid(), status: z.enum(CONTACT_STATUSES).exclude(['converted']) }), output: contactView, access: STAFF }),
  'contacts:link': channel({ input: z.object({ id: z.string().uuid(), beneficiaryId: z.string().uuid() }), output: contactView, access: STAFF }),
  'contacts:prefill': channel({ input: z.object({ id: z.string().uuid() }), output: contactPrefill, access: STAFF, readsPersonalData: true }),
  'contacts:markConverted': channel({
    input: z.object({ id: z.string().uuid(), kind: z.enum(CONVERSION_KINDS), targetId: z.string().uuid() }),
    output: contactView,
    access: STAFF,
  }),
};
