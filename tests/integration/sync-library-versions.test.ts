/**
 * Two counters each add a new version of the same library document while offline (issue #8 review):
 * before migration 0016 both numbered it 2 and the second waited in the conflict queue as a
 * unique-key conflict. Now, through a real central PostgreSQL: nothing is queued or held, both
 * versions (and their files) are on every counter and readable, the numbers shown are the same
 * everywhere (derived from (created_at, id)), and "current" is what library_documents says after
 * its field merge — the same everywhere and one of the two new versions.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type TestCentral } from '../support/sync-postgres';
import { centralSnapshot, createTestCounter, sharedTables, snapshot, okOn as ok, useSyncFleet } from '../support/sync-counters';

import { listConflicts } from '../../main/sync/conflicts';
import { syncDb } from '../../main/sync/sync-db';
import { policyPdf } from '../../main/library/policy-pdf';
import { RELATIONS_POLICY_PARAGRAPHS, RELATIONS_POLICY_TITLE } from '../../main/library/relations-policy-text';
import type { LibraryDocumentDetail, LibraryDocumentView, LibraryOpened } from '../../shared/library/schemas';

let central: TestCentral;
const counters = useSyncFleet(54371, (c) => (central = c));
const society = { society: 'جمعية خزام التعاونية متعددة الأغراض', licenceLine: 'ترخيص رقم 334' };


const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('library versions added on two counters offline', () => {
  it('converge with no person involved: both versions kept and readable, one numbering, one current', async () => {
    const [a, b] = [await createTestCounter(central, 'K01'), await createTestCounter(central, 'K02')];
    counters.push(a, b);
    const v1 = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS, society);
    const vA = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS.map((p) => p.replace('خلال مدة لا تقل عن أسبوعين', 'خلال عشرة أيام عمل')), society);
    const vB = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS.map((p) => p.replace('خلال مدة لا تقل عن أسبوعين', 'خلال ثلاثة أسابيع')), society);
    expect(new Set([sha(v1), sha(vA), sha(vB)]).size).toBe(3);

    const doc = await ok<LibraryDocumentDetail>(a, 'library:create', { title: RELATIONS_POLICY_TITLE, description: null, fileName: 'relations-policy.pdf', dataBase64: b64(v1) });
    for (const c of [a, b]) expect((await c.sync()).status).toBe('ok');
    expect((await ok<LibraryDocumentDetail>(b, 'library:get', { id: doc.id })).current.versionNo).toBe(1);

    // Offline, each counter adds its own version 2 (K01 first, K02 a little later).
    const atA = await ok<LibraryDocumentDetail>(a, 'library:addVersion', { documentId: doc.id, note: 'عشرة أيام عمل', fileName: 'policy-k01.pdf', dataBase64: b64(vA) });
    await new Promise((done) => setTimeout(done, 20));
    const atB = await ok<LibraryDocumentDetail>(b, 'library:addVersion', { documentId: doc.id, note: 'ثلاثة أسابيع', fileName: 'policy-k02.pdf', dataBase64: b64(vB) });
    expect([atA.current.versionNo, atB.current.versionNo]).toEqual([2, 2]);
    const stored = await a.core.db.selectFrom('library_versions').select('version_no').where('id', '=', atA.current.id).executeTakeFirstOrThrow();
    expect(stored.version_no).toBe(2); // both rows carry number 2: the clash the constraint refused

    for (let round = 0; round < 2; round++) for (const c of [a, b]) expect((await c.sync()).status).toBe('ok');

    const central_ = sharedTables(await centralSnapshot(central));
    const seen: LibraryDocumentDetail[] = [];
    for (const c of [a, b]) {
      // Nobody is asked anything and nothing waits.
      expect(await listConflicts(syncDb(c.core.db))).toEqual([]);
      expect(await c.core.db.selectFrom('sync_held' as never).selectAll().execute()).toEqual([]);
      expect(sharedTables(await snapshot(c))).toEqual(central_);

      const d = await ok<LibraryDocumentDetail>(c, 'library:get', { id: doc.id });
      seen.push(d);
      // K01's version was written first, so it is 2 and K02's is 3, on every counter.
      expect(d.versions.map((v) => [v.versionNo, v.id])).toEqual([
        [3, atB.current.id],
        [2, atA.current.id],
        [1, doc.current.id],
      ]);
      expect(d.versionCount).toBe(3);
      // Current: what the document row says after its field merge, one of the two new versions.
      const row = await c.core.db.selectFrom('library_documents').select('current_version_id').where('id', '=', doc.id).executeTakeFirstOrThrow();
      expect(d.current.id).toBe(row.current_version_id);
      expect([atA.current.id, atB.current.id]).toContain(d.current.id);
      expect(d.versions.filter((v) => v.current).map((v) => v.id)).toEqual([d.current.id]);
      const listed = await ok<LibraryDocumentView[]>(c, 'library:list', {});
      expect(listed.map((x) => [x.id, x.current.id, x.current.versionNo, x.versionCount])).toEqual([[doc.id, d.current.id, d.current.versionNo, 3]]);

      // Every version opens, with its own bytes and the same number as in the list.
      for (const [id, bytes, n] of [
        [doc.current.id, v1, 1],
        [atA.current.id, vA, 2],
        [atB.current.id, vB, 3],
      ] as const) {
        const opened = await ok<LibraryOpened>(c, 'library:open', { versionId: id });
        expect(opened.versionNo).toBe(n);
        expect(sha(Buffer.from(opened.dataBase64, 'base64'))).toBe(sha(bytes));
      }
    }
    expect(seen[0]).toEqual(seen[1]);
  }, 240_000);
});
