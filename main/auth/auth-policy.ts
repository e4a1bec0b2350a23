/** The sign-in policy: lock-out after repeated failures and the configurable idle lock. */
import type { Db } from '../db/open-database';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const IDLE_LOCK_SETTING = 'auth.idleLockMinutes';

export async function readIdleLockMinutes(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', IDLE_LOCK_SETTING).executeTakeFirst();
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 && n <= 120 ? n : DEFAULT_IDLE_LOCK_MINUTES;
}
