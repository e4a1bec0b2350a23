import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';
import { timelineResult } from './schemas';

export const timelineContract = {
  'timeline:forBeneficiary': channel({
    input: z.object({ beneficiaryId: z.string().uuid(), kinds: z.array(z.string().max(30)).max(20).nullish(), limit: z.number().int().min(1).max(1000).default(300) }),
    output: timelineResult,
    access: STAFF,
    readsPersonalData: true,
  }),
};
