/**
 * Erased files leave every counter and the central store, through a real PostgreSQL: a person's
 * letter PDF reaches counter B and the central `sync_files`; after her erasure at A (a completed
 * deletion request) and a sync of A then B, the bytes are gone from B's disk and from the central
 * store, while an unrelated letter's file stays. A file younger than the safe age is kept (an
 * upload may be about to commit its row), a file another row still refers to is never removed,
 * and a counter login can only ask the server to prune: it cannot delete a file itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, utimesSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { TestCentral } from '../support/sync-postgres';
import { createTestCounter, type TestCounter, okOn as ok, useSyncFleet } from '../support/sync-counters';
import { makePdf } from '../support/channel-fixtures';

import { createPersonEverywhere } from '../support/person-everywhere';
import { provisionCounterLogin } from '../../main/central/counter-logins';
import { connectCentral } from '../../main/central/connect';
import { central0004 } from '../../main/central/migrations/0004-unreferenced-files';
import { SAFE_AGE_MS, sweepUnreferencedFiles } from '../../main/sync/sweep-files';
import { syncDb } from '../../main/sync/sync-db';
import type { AttachmentPreview, AttachmentView, LetterView } from '../../shared/letters/schemas';

let central: TestCentral;
const counters = useSyncFleet(54346, (c) => (central = c), { freshEachTest: true });

/** A counter login URL, as a real counter connects (not the superuser). */
async function loginUrl(code: string): Promise<{ url: string; role: string }> {
  const admin = connectCentral({ url: central.url, sslMode: 'disable' });
  const password = `Erased-files-${code}-2026`;
  const { role } = await provisionCounterLogin(admin.db, code, password);
  await admin.close();
  const u = new URL(central.url);
  u.username = role;
  u.password = password;
  return { url: u.toString(), role };
}

async function two(codes: [string, string]): Promise<[TestCounter, TestCounter]> {
  const [la, lb] = [await loginUrl(codes[0]), await loginUrl(codes[1])];
  counters.push(await createTestCounter(central, codes[0], { url: la.url }), await createTestCounter(central, codes[1], { url: lb.url }));
  return counters as [TestCounter, TestCounter];
}

async function sync(c: TestCounter) {
  const run = await c.sync();
  const row = await c.core.db.selectFrom('sync_runs' as never).select('detail' as never).where('id' as never, '=', run.id as never).executeTakeFirstOrThrow();
  return { ...run, detail: String((row as { detail: string | null }).detail ?? '') };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pathAt = (c: TestCounter, hash: string) => c.core.channels.attachments.pathOf(hash);
const onDisk = (c: TestCounter, hash: string) => existsSync(pathAt(c, hash));
const centralHas = async (hash: string) => (await central.query('SELECT 1 FROM sync_files WHERE sha256 = $1', [hash])).length === 1;

/** Makes every file older than the safe age, on a counter's disk and in the central store. */
async function age(c: TestCounter, hashes: string[]) {
  const old = new Date(Date.now() - SAFE_AGE_MS - 5 * 60_000);
  for (const h of hashes) if (onDisk(c, h)) utimesSync(pathAt(c, h), old, old);
  await central.query(`UPDATE sync_files SET received_at = now() - interval '2 hours'`);
}

async function unrelatedLetter(c: TestCounter, text: string) {
  const pdf = await makePdf(text);
  const letter = await ok<LetterView>(c, 'letters:create', { kind: 'incoming', letterDate: '2026-11-25', entity: 'وزارة الموارد البشرية', subject: 'خطاب لا يخصها' });
  const att = await ok<AttachmentView>(c, 'letters:attach', { letterId: letter.id, fileName: 'other.pdf', dataBase64: pdf.toString('base64') });
  return { pdf, letter, att };
}

async function erase(c: TestCounter, deletionRequestId: string) {
  await ok(c, 'privacy:closeRequest', { id: deletionRequestId, status: 'completed', outcome: 'نُفذ الحذف' });
}

describe('erased files leave every counter and the central store', () => {
  it("the person's letter PDF goes from B's disk and from sync_files once old enough; an unrelated file stays", async () => {
    const [a, b] = await two(['E01', 'E02']);
    const person = await createPersonEverywhere(a.core);
    const other = await unrelatedLetter(a, 'A letter about nobody');
    const hers = person.attachmentSha;
    expect((await sync(a)).status).toBe('ok');
    expect((await sync(b)).status).toBe('ok');
    expect(onDisk(b, hers) && onDisk(b, other.att.sha256)).toBe(true);
    expect((await centralHas(hers)) && (await centralHas(other.att.sha256))).toBe(true);

    await erase(a, person.deletionRequestId);
    expect(onDisk(a, hers)).toBe(false); // the erasure removes it where it ran

    // Fresh files (stored minutes ago) are kept this round: an upload could be committing its row.
    let runA = await sync(a);
    let runB = await sync(b);
    expect([runA.status, runB.status]).toEqual(['ok', 'ok']);
    expect(onDisk(b, hers)).toBe(true);
    expect(await centralHas(hers)).toBe(true);
    // The row is gone at B already.
    expect(await b.core.db.selectFrom('attachments').select('id').where('sha256', '=', hers).execute()).toEqual([]);

    // An hour on: A's run prunes the central copy, B's run removes its own.
    await age(b, [hers, other.att.sha256]);
    runA = await sync(a);
    expect(runA.status).toBe('ok');
    expect(runA.detail).toContain('files removed: 0 here, 1 central');
    expect(await centralHas(hers)).toBe(false);
    runB = await sync(b);
    expect(runB.status).toBe('ok');
    expect(runB.detail).toContain('files removed: 1 here, 0 central');
    expect(onDisk(b, hers)).toBe(false);

    // The unrelated letter's file stays everywhere and still opens at B.
    expect(onDisk(a, other.att.sha256) && onDisk(b, other.att.sha256)).toBe(true);
    expect(await centralHas(other.att.sha256)).toBe(true);
    const preview = await ok<AttachmentPreview>(b, 'letters:preview', { id: other.att.id });
    expect(Buffer.from(preview.dataBase64, 'base64').equals(other.pdf)).toBe(true);
    // Nothing more to remove on the next runs.
    expect((await sync(a)).detail).not.toContain('files removed');
  }, 120_000);

  it('a file another row still refers to (another letter, a soft-deleted row) is never removed', async () => {
    const [a, b] = await two(['E03', 'E04']);
    const person = await createPersonEverywhere(a.core);
    const hers = person.attachmentSha;
    // The same scan filed with an unrelated letter too: a second row, the same file.
    const bytes = Buffer.from((await ok<AttachmentPreview>(a, 'letters:preview', { id: (await a.core.db.selectFrom('attachments').select('id').where('sha256', '=', hers).executeTakeFirstOrThrow()).id })).dataBase64, 'base64');
    const letter = await ok<LetterView>(a, 'letters:create', { kind: 'incoming', letterDate: '2026-11-25', entity: 'جهة أخرى', subject: 'نسخة' });
    const copy = await ok<AttachmentView>(a, 'letters:attach', { letterId: letter.id, fileName: 'copy.pdf', dataBase64: bytes.toString('base64') });
    expect(copy.sha256).toBe(hers);
    // A third file whose only row is soft-deleted (kept: soft-deleted rows keep their file).
    const soft = await unrelatedLetter(a, 'Soft-deleted attachment');
    await a.core.db.updateTable('attachments').set({ deleted_at: new Date().toISOString() }).where('id', '=', soft.att.id).execute();
    expect((await sync(a)).status).toBe('ok');
    expect((await sync(b)).status).toBe('ok');

    await erase(a, person.deletionRequestId);
    await age(a, [hers, soft.att.sha256]);
    await age(b, [hers, soft.att.sha256]);
    const runA = await sync(a);
    const runB = await sync(b);
    expect([runA.status, runB.status]).toEqual(['ok', 'ok']);
    expect(runA.detail).not.toContain('files removed');
    expect(runB.detail).not.toContain('files removed');
    for (const c of [a, b]) expect(onDisk(c, hers)).toBe(true);
    // B never fetched the soft-deleted row's file (only live rows' files are fetched); A keeps it.
    expect(onDisk(a, soft.att.sha256)).toBe(true);
    expect((await centralHas(hers)) && (await centralHas(soft.att.sha256))).toBe(true);
  }, 120_000);

  it('a counter login cannot delete a file itself, nor make the server prune a referenced or fresh one', async () => {
    const [a, b] = await two(['E05', 'E06']);
    const kept = await unrelatedLetter(a, 'Referenced everywhere');
    expect((await sync(a)).status).toBe('ok');
    expect((await sync(b)).status).toBe('ok');
    const login = await loginUrl('E05');
    const client = new pg.Client({ connectionString: login.url });
    await client.connect();
    try {
      const devices = await central.query<{ device_id: string; counter_id: string; login_role: string }>('SELECT device_id, counter_id, login_role FROM sync_devices');
      const mine = devices.find((d) => d.login_role === login.role)!;
      const theirs = devices.find((d) => d.login_role !== login.role)!;
      // An orphan stored by this counter just now: too fresh to prune.
      const orphan = await makePdf('Stored, row never pushed');
      expect((await client.query('SELECT istiqbal_put_file($1, $2, $3, $4) AS s', [mine.device_id, mine.counter_id, sha(orphan), orphan])).rows[0].s).toBe(true);
      await expect(client.query('DELETE FROM sync_files WHERE sha256 = $1', [kept.att.sha256])).rejects.toThrow(/permission denied/);
      await expect(client.query('SELECT istiqbal_prune_files($1, $2)', [theirs.device_id, theirs.counter_id])).rejects.toThrow(/belongs to the login/);
      expect((await client.query('SELECT istiqbal_prune_files($1, $2) AS n', [mine.device_id, mine.counter_id])).rows[0].n).toBe(0);
      expect(await centralHas(sha(orphan))).toBe(true);
      // Both old now: only the orphan goes; the referenced file stays.
      await central.query(`UPDATE sync_files SET received_at = now() - interval '2 hours'`);
      expect((await client.query('SELECT istiqbal_prune_files($1, $2) AS n', [mine.device_id, mine.counter_id])).rows[0].n).toBe(1);
      expect(await centralHas(sha(orphan))).toBe(false);
      expect(await centralHas(kept.att.sha256)).toBe(true);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('a file stored again for a new upload counts as fresh, so the sweep leaves it for its row', async () => {
    const [a] = await two(['E07', 'E08']);
    const { att, pdf } = await unrelatedLetter(a, 'Detached then attached again');
    // The row leaves (as an erasure would); the file stays on disk, old.
    await a.core.db.deleteFrom('attachments').where('id', '=', att.id).execute();
    const old = new Date(Date.now() - SAFE_AGE_MS - 60_000);
    utimesSync(pathAt(a, att.sha256), old, old);
    // A new upload of the same bytes: the store writes nothing new but marks the file fresh.
    a.core.channels.attachments.put(pdf);
    expect(await sweepUnreferencedFiles(syncDb(a.core.db), a.core.channels.attachments)).toBe(0);
    expect(onDisk(a, att.sha256)).toBe(true);
    // Left without a row for over an hour: removed.
    utimesSync(pathAt(a, att.sha256), old, old);
    expect(await sweepUnreferencedFiles(syncDb(a.core.db), a.core.channels.attachments)).toBe(1);
    expect(onDisk(a, att.sha256)).toBe(false);
  }, 60_000);
});

describe('a file pruned just before its row commits', () => {
  it('is sent again after the push, so the row never travels without its file', async () => {
    const [la, lb] = [await loginUrl('E09'), await loginUrl('E10')];
    const pdf = await makePdf('Pruned while the row was on its way');
    let armed = false;
    const a = await createTestCounter(central, 'E09', {
      url: la.url,
      hooks: {
        // Inside the push transaction, before COMMIT: as if a prune had just removed the file.
        beforeCommit: async () => {
          if (!armed) return;
          armed = false;
          await central.query('DELETE FROM sync_files WHERE sha256 = $1', [sha(pdf)]);
        },
      },
    });
    const b = await createTestCounter(central, 'E10', { url: lb.url });
    counters.push(a, b);
    expect((await sync(a)).status).toBe('ok');
    // The same bytes already central, from an earlier row erased since.
    const mine = (await central.query<{ device_id: string; counter_id: string }>('SELECT device_id, counter_id FROM sync_devices WHERE login_role = $1', [la.role]))[0]!;
    const client = new pg.Client({ connectionString: la.url });
    await client.connect();
    try {
      await client.query('SELECT istiqbal_put_file($1, $2, $3, $4)', [mine.device_id, mine.counter_id, sha(pdf), pdf]);
    } finally {
      await client.end();
    }
    const letter = await ok<LetterView>(a, 'letters:create', { kind: 'incoming', letterDate: '2026-11-25', entity: 'جهة', subject: 'سباق' });
    await ok(a, 'letters:attach', { letterId: letter.id, fileName: 'race.pdf', dataBase64: pdf.toString('base64') });
    armed = true;
    const run = await sync(a);
    expect(run.status).toBe('ok');
    expect(armed).toBe(false); // the file really went before the rows committed
    expect(run.detail).toContain('files: 1 sent');
    expect(await centralHas(sha(pdf))).toBe(true);
    const atB = await sync(b);
    expect(atB.detail).not.toContain('not available');
    expect(onDisk(b, sha(pdf))).toBe(true);
  }, 120_000);
});

describe('a central database not yet migrated to 0004', () => {
  it('still syncs rows and files; the run says the central files were not pruned', async () => {
    const [a, b] = await two(['E11', 'E12']);
    const { att } = await unrelatedLetter(a, 'Before the central migration');
    await central.query('DROP FUNCTION istiqbal_prune_files(text, text)');
    try {
      const run = await sync(a);
      expect(run.status).toBe('ok');
      expect(run.detail).toContain('central files not pruned');
      expect((await sync(b)).status).toBe('ok');
      expect(onDisk(b, att.sha256)).toBe(true);
    } finally {
      // Put it back as the migration wrote it, for any test after this one.
      const admin = connectCentral({ url: central.url, sslMode: 'disable' });
      await central0004.up(admin.db as never);
      await admin.close();
    }
  }, 120_000);
});
