/**
 * Migration 0016 on a file from before it: library_versions is rebuilt without the
 * (document_id, version_no) constraint, keeping every row, its pages' foreign keys and foreign-key
 * enforcement; the capture triggers come back at start-up; and a version a syncing counter was
 * holding back because of the constraint (with its unique-key conflict open) goes in at the next
 * pull's retry of held rows, closing that conflict with no person involved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateOnToLatest, migrateToJustBefore } from '../support/migrate-around';
import { openDatabase } from '../../main/db/open-database';
import { ensureSync } from '../../main/sync/ensure-sync';
import { retryHeld, withApplying } from '../../main/sync/apply-remote';
import { syncDb } from '../../main/sync/sync-db';

const dir = mkdtempSync(join(tmpdir(), 'istiqbal-0016-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (s: number) => `2026-03-01T05:00:${String(s).padStart(2, '0')}.000Z`;
const rec = (id: string, s: number) => ({ id, created_at: at(s), updated_at: at(s), created_by: 'u', counter_id: 'c', deleted_at: null });
const version = (id: string, no: number, s: number) => ({ ...rec(id, s), document_id: 'doc', version_no: no, attachment_id: `att-${id}`, sha256: `sha-${id}`, file_name: `${id}.pdf`, size: 10, page_count: 1, note: null });

async function insert(db: ReturnType<typeof openDatabase>, table: string, rows: Record<string, unknown>[]) {
  await sql`INSERT INTO ${sql.ref(table)} (${sql.join(Object.keys(rows[0]!).map((k) => sql.ref(k)))})
    SELECT ${sql.join(Object.keys(rows[0]!).map((k) => sql.raw(`value ->> '$.${k}'`)))} FROM json_each(${JSON.stringify(rows)})`.execute(db);
}

describe('migration 0016', () => {
  it('drops the version-number constraint, keeps rows, keys and triggers, and lets a held version in', async () => {
    const file = join(dir, 'old.sqlite');
    let db = openDatabase(file);
    await migrateToJustBefore(db, '0016-library-version-order');
    await ensureSync(db);
    await insert(db, 'library_documents', [{ ...rec('doc', 0), title: 'سياسة', title_norm: 'سياسه', description: null, current_version_id: 'v2a', retired_at: null, retired_by: null }]);
    await insert(db, 'attachments', ['v1', 'v2a', 'v2b'].map((v, i) => ({ ...rec(`att-${v}`, i), owner_kind: 'library_version', owner_id: v, sha256: `sha-${v}`, mime: 'application/pdf', size: 10, file_name: `${v}.pdf` })));
    await insert(db, 'library_versions', [version('v1', 1, 1), version('v2a', 2, 2)]);
    await insert(db, 'library_pages', [{ ...rec('p1', 1), version_id: 'v1', page_no: 1, text: 'نص', text_norm: 'نص' }, { ...rec('p2', 2), version_id: 'v2a', page_no: 1, text: 'نص', text_norm: 'نص' }]);
    // Another counter's version 2 as the pull left it before 0016: refused by the constraint, held, queued.
    const incoming = version('v2b', 2, 3);
    await expect(insert(db, 'library_versions', [incoming])).rejects.toThrow(/UNIQUE constraint failed/);
    await db.insertInto('sync_held' as never).values({ table_name: 'library_versions', row_key: 'v2b', central_seq: 9, row_json: JSON.stringify(incoming), reason: 'unique', held_at: at(4) } as never).execute();
    await db
      .insertInto('sync_conflicts' as never)
      .values({ id: 'c1', kind: 'unique', table_name: 'library_versions', row_key: 'v2b', field: null, local_value: null, remote_value: null, other_key: null, remote_device: 'd', detected_at: at(4), resolved_at: null, resolved_by: null, resolution: null } as never)
      .execute();
    await db.destroy();

    db = openDatabase(file);
    expect(await migrateOnToLatest(db)).toContain('0016-library-version-order');
    await ensureSync(db);

    const schema = await sql<{ type: string; name: string; sql: string | null }>`SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'library_versions' ORDER BY name`.execute(db);
    expect(schema.rows.find((r) => r.type === 'table')!.sql).not.toMatch(/unique/i);
    expect(schema.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['library_versions_document_order', 'sync_capture_library_versions_insert']));
    expect(schema.rows.map((r) => r.name)).not.toContain('library_versions_0016');
    expect((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]!.foreign_keys).toBe(1);
    const rows = await sql<Record<string, unknown>>`SELECT * FROM library_versions ORDER BY id`.execute(db);
    expect(rows.rows).toEqual([version('v1', 1, 1), version('v2a', 2, 2)]);
    // Foreign keys still hold both ways: pages need their version, a version its document and file.
    await expect(insert(db, 'library_pages', [{ ...rec('p9', 9), version_id: 'nope', page_no: 1, text: 'x', text_norm: 'x' }])).rejects.toThrow(/FOREIGN KEY/);
    await expect(insert(db, 'library_versions', [{ ...version('v9', 9, 9), document_id: 'nope' }])).rejects.toThrow(/FOREIGN KEY/);
    await expect(sql`DELETE FROM library_versions WHERE id = 'v1'`.execute(db)).rejects.toThrow(/FOREIGN KEY/);

    // The next pull retries held rows: the second "version 2" goes in and its conflict closes itself.
    const s = syncDb(db);
    await s.transaction().execute((trx) => withApplying(trx, () => retryHeld(trx, at(5))));
    expect((await sql<{ id: string }>`SELECT id FROM library_versions WHERE version_no = 2 ORDER BY id`.execute(db)).rows.map((r) => r.id)).toEqual(['v2a', 'v2b']);
    expect(await s.selectFrom('sync_held').selectAll().execute()).toEqual([]);
    expect(await s.selectFrom('sync_conflicts').select(['resolved_at', 'resolution']).execute()).toEqual([{ resolved_at: at(5), resolution: 'applied' }]);
    await db.destroy();
  });
});
