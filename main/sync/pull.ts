/**
 * Pull: pages of other counters' changes after this counter's cursor. Each page is applied and
 * the cursor moved in ONE local transaction, so a cut connection or a crash leaves either the
 * whole page or none of it, and the next run continues from the right place.
 */
import { pullPage, type CentralDb } from '../central/central-store';
import { applyChanges, retryHeld, withApplying } from './apply-remote';
import type { Clock } from '../core/clock';
import type { SDb } from './sync-db';
import { getCursor, setState } from './sync-state';

export interface PullContext {
  deviceId: string;
  pageSize: number;
  clock: Clock;
  hooks?: { afterPage?: (page: number) => Promise<void> };
  onProgress?: (pulled: number) => void;
}

export async function pullAll(db: SDb, central: CentralDb, ctx: PullContext): Promise<{ pulled: number; conflicts: number }> {
  let pulled = 0;
  let conflicts = 0;
  for (let page = 1; ; page++) {
    const cursor = await getCursor(db);
    const changes = await pullPage(central, ctx.deviceId, cursor, ctx.pageSize);
    if (changes.length === 0) break;
    const r = await db.transaction().execute((trx) =>
      withApplying(trx, async () => {
        const out = await applyChanges(trx, changes, { nowMs: ctx.clock.now().getTime() });
        await setState(trx, 'cursor', String(changes.at(-1)!.changeSeq));
        return out;
      }),
    );
    pulled += changes.length;
    conflicts += r.conflicts;
    ctx.onProgress?.(pulled);
    await ctx.hooks?.afterPage?.(page);
    if (changes.length < ctx.pageSize) break;
  }
  // Applying a page retries held rows; with nothing new to pull they are retried here, so a row
  // that fits now (after an upgrade, or a person's settlement elsewhere) does not wait for news.
  if (pulled === 0 && (await db.selectFrom('sync_held').select('row_key').limit(1).executeTakeFirst())) {
    const at = ctx.clock.now().toISOString();
    await db.transaction().execute((trx) => withApplying(trx, () => retryHeld(trx, at)));
  }
  return { pulled, conflicts };
}
