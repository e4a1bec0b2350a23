import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';

/** The first-run wizard: whether it is done, finishing it, and optional demo data. */
export const setupContract = {
  'setup:status': channel({ input: z.object({}).optional(), output: z.object({ complete: z.boolean() }), access: STAFF }),
  'setup:complete': channel({ input: z.object({}).optional(), output: z.object({ complete: z.boolean() }), access: ['administrator'] }),
  'setup:seedDemo': channel({
    input: z.object({ count: z.number().int().min(1).max(500).default(40) }),
    output: z.object({ added: z.number().int() }),
    access: ['administrator'],
  }),
};
