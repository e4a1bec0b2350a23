import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';
import { callFilter, callInput, callTopic, callView, phoneLookup, staffMember } from './schemas';

const MANAGERS = ['manager', 'administrator'] as const;

export const csvExport = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });

export const callsContract = {
  'calls:topics': channel({ input: z.object({}).optional(), output: z.array(callTopic), access: STAFF }),
  'calls:setTopics': channel({ input: z.object({ topics: z.array(callTopic).min(1, 'required').max(50) }), output: z.array(callTopic), access: MANAGERS }),
  'calls:staff': channel({ input: z.object({}).optional(), output: z.array(staffMember), access: STAFF }),
  'calls:lookup': channel({ input: z.object({ phone: z.string().max(30) }), output: phoneLookup, access: STAFF, readsPersonalData: true }),
  'calls:create': channel({ input: callInput, output: callView, access: STAFF }),
  'calls:link': channel({ input: z.object({ id: z.string().uuid(), beneficiaryId: z.string().uuid() }), output: callView, access: STAFF }),
  'calls:list': channel({ input: callFilter, output: z.array(callView), access: STAFF, readsPersonalData: true }),
  'calls:followUps': channel({ input: z.object({ assigneeId: z.string().uuid().nullish() }), output: z.array(callView), access: STAFF, readsPersonalData: true }),
  'calls:closeFollowUp': channel({ input: z.object({ id: z.string().uuid(), note: z.string().trim().max(500, 'tooLong').nullish() }), output: callView, access: STAFF }),
  'calls:exportCsv': channel({ input: callFilter, output: csvExport, access: STAFF, readsPersonalData: true }),
};
