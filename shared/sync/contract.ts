import { z } from 'zod';
import { channel } from '../contract/define';
import { ADMINS, REGISTRY_WRITERS, STAFF } from '../auth/roles';
import { conflictResolution, conflictView, syncConfig, syncRunView, syncStatus } from './schemas';

/** The settings as shown: the password never leaves the core, only whether one is stored. */
export const syncConfigView = syncConfig.extend({ hasPassword: z.boolean() });
export const syncConfigInput = syncConfig.extend({ password: z.string().max(200).default('') });

export const syncContract = {
  'sync:status': channel({ input: z.undefined().or(z.object({})), output: syncStatus, access: STAFF }),
  'sync:runNow': channel({ input: z.undefined().or(z.object({})), output: syncRunView, access: STAFF }),
  'sync:history': channel({ input: z.object({ limit: z.number().int().min(1).max(200).default(50) }), output: z.array(syncRunView), access: STAFF }),
  'sync:conflicts': channel({ input: z.undefined().or(z.object({})), output: z.array(conflictView), access: REGISTRY_WRITERS, readsPersonalData: true }),
  'sync:resolve': channel({ input: conflictResolution, output: z.object({ ok: z.literal(true) }), access: REGISTRY_WRITERS }),
  'sync:getConfig': channel({ input: z.undefined().or(z.object({})), output: syncConfigView, access: ADMINS }),
  'sync:saveConfig': channel({ input: syncConfigInput, output: syncConfigView, access: ADMINS }),
};
