/**
 * Erasure on disk, not only in SQL: after a person is erased and the database closed, the bytes
 * of the database file (free pages and the search index included) no longer hold her ID, phone or
 * name. SQL-level checks (privacy-erasure.test.ts) cannot see leftovers in freed pages or in the
 * full-text index's old segments.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { call, createTestCore } from '../support/test-core';
import { createPersonEverywhere, PERSON } from '../support/person-everywhere';

type TestCore = Awaited<ReturnType<typeof createTestCore>>;
let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose().catch(() => undefined);
});

function fileBytes(file: string): Buffer {
  return existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
}

describe('erasure on disk', () => {
  it('leaves no copy of the person in the database file, while running and after a restart', async () => {
    core = await createTestCore();
    const person = await createPersonEverywhere(core);
    const databaseFile = join(core.dir, 'istiqbal.sqlite');
    const r = await call(core, 'privacy:closeRequest', { id: person.deletionRequestId, status: 'completed', outcome: 'نُفذ الحذف' });
    expect(r.ok).toBe(true);
    const needles = [PERSON.idNumber, PERSON.familyName, PERSON.firstName, '559876543'];
    const onDisk = () => {
      const bytes = Buffer.concat([fileBytes(databaseFile), fileBytes(`${databaseFile}-wal`)]);
      return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
    };
    // While the app is still running: the erasure checkpointed the log into the file.
    expect(onDisk()).toEqual([]);
    await core.close();
    // Reopen and close once more, as the next start would: WAL checkpointed into the main file.
    const again = await createCore({ databaseFile });
    await again.close();
    expect(onDisk()).toEqual([]);
  }, 60_000);
});
