/** Small persistent values of the sync: device id, pull cursor, last success, configuration. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SDb, STrx } from './sync-db';
import { syncConfig, type SyncConfig } from '../../shared/sync/schemas';

export async function getState(db: SDb | STrx, key: string): Promise<string | null> {
  const row = await db.selectFrom('sync_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setState(db: SDb | STrx, key: string, value: string): Promise<void> {
  await db.insertInto('sync_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** This installation's device id; also the node of its hybrid clock. Created once. */
export async function ensureDeviceId(db: SDb): Promise<string> {
  let id = await getState(db, 'device_id');
  if (!id) {
    id = randomUUID();
    await setState(db, 'device_id', id);
  }
  await db.updateTable('sync_control').set({ node: id }).where('id', '=', 1).execute();
  return id;
}

export async function getCursor(db: SDb | STrx): Promise<number> {
  return Number((await getState(db, 'cursor')) ?? 0);
}

export const DEFAULT_CONFIG: SyncConfig = { url: '', sslMode: 'prefer', caFile: '', nightlyAt: '02:00', timeZone: 'Asia/Riyadh', enabled: true };

export async function getConfig(db: SDb): Promise<SyncConfig> {
  const raw = await getState(db, 'config');
  if (!raw) return DEFAULT_CONFIG;
  const parsed = syncConfig.safeParse({ ...DEFAULT_CONFIG, ...(JSON.parse(raw) as object) });
  return parsed.success ? parsed.data : DEFAULT_CONFIG;
}

export async function saveConfig(db: SDb, config: SyncConfig): Promise<void> {
  await setState(db, 'config', JSON.stringify(syncConfig.parse(config)));
}

export const lastSuccessSchema = z.string().nullable();
