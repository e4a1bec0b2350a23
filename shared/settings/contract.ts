import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';
import { backupEntry, backupSummary, counterProfile, lastRestore, organisationProfile, restoreStaged } from './schemas';

const ADMIN = ['administrator'] as const;
const ADMIN_OR_MANAGER = ['administrator', 'manager'] as const;

export const settingsContract = {
  'settings:organisation': channel({ input: z.object({}).optional(), output: organisationProfile, access: STAFF }),
  'settings:saveOrganisation': channel({ input: organisationProfile, output: organisationProfile, access: ADMIN }),
  'settings:counter': channel({ input: z.object({}).optional(), output: counterProfile, access: STAFF }),
  'settings:saveCounter': channel({ input: counterProfile, output: counterProfile, access: ADMIN }),
  'backups:list': channel({ input: z.object({}).optional(), output: z.array(backupEntry), access: ADMIN_OR_MANAGER }),
  'backups:create': channel({ input: z.object({}).optional(), output: backupSummary, access: ADMIN_OR_MANAGER }),
  'backups:verify': channel({ input: z.object({ name: z.string().regex(/^istiqbal-[0-9TZ-]+\.sqlite$/) }), output: backupSummary, access: ADMIN_OR_MANAGER }),
  /** Verifies the backup and stages it; the app restarts and restores it before opening the data. */
  'backups:restore': channel({ input: z.object({ name: z.string().regex(/^istiqbal-[0-9TZ-]+\.sqlite$/) }), output: restoreStaged, access: ADMIN }),
  /** What the last start-up restore did (shown once after the restart), or null. */
  'backups:lastRestore': channel({ input: z.object({}).optional(), output: lastRestore.nullable(), access: ADMIN_OR_MANAGER }),
};
