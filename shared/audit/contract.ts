/** The audit viewer and the chain verifier. */
import { z } from 'zod';
import { channel } from '../contract/define';
import { ADMINS, OVERSIGHT } from '../auth/roles';
import { auditEntryView, auditFilter, auditVerification } from './schemas';

export const auditContract = {
  'audit:list': channel({
    input: auditFilter,
    output: z.object({ entries: z.array(auditEntryView), users: z.array(z.object({ id: z.string(), name: z.string() })) }),
    access: OVERSIGHT,
    // The trail's snapshots hold personal data: reading it is itself recorded.
    readsPersonalData: true,
  }),
  'audit:verify': channel({ input: z.undefined().or(z.object({})), output: auditVerification, access: ADMINS }),
};
