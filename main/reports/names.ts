/** Names for row keys that come from data: configured call topics, support types, queue services, staff. */
import { z } from 'zod';
import type { Db } from '../db/open-database';
import type { Names } from './report-tables';
import type { Bilingual } from '../../shared/reports/labels';
import { readJsonSetting } from '../calls/settings-json';
import { TOPICS_KEY } from '../calls/call-service';
import { callTopic, DEFAULT_CALL_TOPICS } from '../../shared/calls/schemas';

export async function loadNames(db: Db): Promise<Names> {
  const [topics, types, services, users] = await Promise.all([
    readJsonSetting(db, TOPICS_KEY, z.array(callTopic), DEFAULT_CALL_TOPICS),
    db.selectFrom('support_types').select(['key', 'name_ar', 'name_en']).execute(),
    db.selectFrom('queue_services').select(['key', 'name_ar', 'name_en']).execute(),
    db.selectFrom('users').select(['id', 'display_name']).execute(),
  ]);
  const maps: Record<Parameters<Names['lookup']>[0], Map<string, Bilingual>> = {
    topic: new Map(topics.map((t) => [t.key, { ar: t.ar, en: t.en }])),
    supportType: new Map(types.map((t) => [t.key, { ar: t.name_ar, en: t.name_en }])),
    service: new Map(services.map((s) => [s.key, { ar: s.name_ar, en: s.name_en }])),
    staff: new Map(users.map((u) => [u.id, { ar: u.display_name, en: u.display_name }])),
  };
  return { lookup: (kind, key) => maps[kind].get(key) ?? { ar: key, en: key } };
}
