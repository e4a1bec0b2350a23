/** Migration 0006 on a fresh file: the channel tables, their indexes and the constraints the services rely on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type Db } from '../../main/db/open-database';
import { MIGRATIONS } from '../../main/db/migrations';
import { makeTempDir } from '../support/temp-dir';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  db = openDatabase(join(tmp.dir, 'm.sqlite'));
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  cleanup?.();
});

const row = (over: Record<string, unknown>) => ({ created_at: 'x', updated_at: 'x', created_by: 'u', counter_id: 'c', deleted_at: null, ...over });

describe('migration 0006-calls-letters-contacts', () => {
  it('is registered and creates the tables and indexes', async () => {
    expect(Object.keys(MIGRATIONS)).toContain('0006-calls-letters-contacts');
    const names = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type IN ('table','index')`.execute(db)).rows.map((r) => r.name);
    for (const n of ['calls', 'letters', 'attachments', 'contacts', 'volunteers', 'calls_open_follow_ups', 'letters_in_reply_to', 'attachments_owner', 'volunteers_id_number']) {
      expect(names).toContain(n);
    }
  });

  it('refuses a second letter with the same reference, and a reply to a letter that does not exist', async () => {
    const letter = (id: string, reference: string, inReplyTo: string | null = null) =>
      db.insertInto('letters').values(row({ id, reference, kind: 'incoming', letter_date: '2026-01-01', entity: 'e', external_number: null, subject: 's', summary: null, beneficiary_id: null, routed_to: null, reply_due: null, status: 'registered', in_reply_to: inReplyTo, version: 1, updated_by: 'u', search_text: 's' }) as never).execute();
    await letter('a', 'و-1448-K01-000001');
    await expect(letter('b', 'و-1448-K01-000001')).rejects.toThrow(/UNIQUE/);
    await expect(letter('c', 'و-1448-K01-000002', 'missing')).rejects.toThrow(/FOREIGN KEY/);
  });

  it('keeps one live volunteer per ID number, but allows it again after a soft delete', async () => {
    const v = (id: string, deleted: string | null) =>
      db.insertInto('volunteers').values(row({ id, reference: `V-${id}`, name: 'n', id_number: '1000000008', phone: '+966500000000', skills_json: '[]', availability_json: '[]', status: 'active', notes: null, contact_id: null, version: 1, deleted_at: deleted }) as never).execute();
    await v('1', null);
    await expect(v('2', null)).rejects.toThrow(/UNIQUE/);
    await db.updateTable('volunteers').set({ deleted_at: 'x' }).where('id', '=', '1').execute();
    await v('3', null);
  });
});
