import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';
import { VOLUNTEER_STATUSES, volunteerInput, volunteerView } from './schemas';

export const volunteersContract = {
  'volunteers:create': channel({ input: volunteerInput, output: volunteerView, access: STAFF }),
  'volunteers:update': channel({ input: z.object({ id: z.string().uuid(), version: z.number().int(), data: volunteerInput }), output: volunteerView, access: STAFF }),
  'volunteers:list': channel({
    input: z.object({ query: z.string().max(100).default(''), status: z.enum(VOLUNTEER_STATUSES).nullish() }),
    output: z.array(volunteerView),
    access: STAFF,
    readsPersonalData: true,
  }),
};
