import { z } from 'zod';
import { channel } from '../contract/define';

export const diagnosticsContract = {
  'diagnostics:collect': channel({ input: z.object({}).optional(), output: z.string(), access: ['administrator', 'manager'] }),
};
