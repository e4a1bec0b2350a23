/**
 * An erased or renamed person's name leaves the trigram name index, not only the table. FTS5
 * records a delete as a marker and keeps the old entries in their segment until a merge rewrites
 * it: every trigram of the old name, with the person's row, readable from the index for as long
 * as that takes. With the index's 'secure-delete' option (migration 0017) the entries themselves
 * are removed. The name here has a letter no other name uses (ژ), so its trigram 'ژال' is stored
 * whole in the index's leaves and can be looked for byte by byte: in the index's blocks, and in
 * the whole file (database and log) after the erasure's checkpoint.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestCore, ok } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';

type TestCore = Awaited<ReturnType<typeof createTestCore>>;
let core: TestCore;
afterEach(async () => {
  await core?.dispose();
});


const NEEDLE = Buffer.from('ژال', 'utf8');

/** Blocks of the name index holding the trigram. */
const inIndex = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM beneficiaries_fts_data WHERE instr(block, ${NEEDLE}) > 0`.execute(core.db)).rows[0]!.n);

/** The trigram anywhere in the database file or its log. */
const inFile = () =>
  ['istiqbal.sqlite', 'istiqbal.sqlite-wal'].map((f) => join(core.dir, f)).filter(existsSync).some((f) => readFileSync(f).includes(NEEDLE));

async function addPeople() {
  for (const [i, firstName] of ['سلمان', 'نورة', 'فهد'].entries()) {
    await ok(call(core, 'beneficiaries:create', { data: beneficiaryFixture({ idNumber: ['1000000008', '1000000024', '1000000032'][i]!, mobile: `055111223${i}`, firstName, familyName: 'الدوسري', gender: i === 1 ? 'female' : 'male', household: [] }) }));
  }
  return ok<{ id: string; version: number }>(call(core, 'beneficiaries:create', { data: beneficiaryFixture({ idNumber: '1000000016', mobile: '0559876543', firstName: 'ژاله', familyName: 'الشمراني', gender: 'female', household: [] }) }));
}

describe('the name index forgets an erased name', () => {
  it('after a completed deletion request: not in the index, not in the file', async () => {
    core = await createTestCore();
    const person = await addPeople();
    expect(await inIndex()).toBeGreaterThan(0); // the look-up can see it
    const request = await ok<{ id: string }>(call(core, 'privacy:createRequest', { beneficiaryId: person.id, kind: 'deletion', details: 'طلبت حذف بياناتها' }));
    await ok(call(core, 'privacy:closeRequest', { id: request.id, status: 'completed', outcome: 'نُفذ الحذف' }));
    expect(await inIndex()).toBe(0);
    expect(inFile()).toBe(false);
    // The others are still found by name.
    expect((await ok<unknown[]>(call(core, 'beneficiaries:search', { query: 'نورة الدوسري' }))).length).toBe(1);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)`.execute(core.db);
  });

  it('after a correction of the name: the old name is not in the index', async () => {
    core = await createTestCore();
    const person = await addPeople();
    const data = beneficiaryFixture({ idNumber: '1000000016', mobile: '0559876543', firstName: 'جالة', familyName: 'الشمراني', gender: 'female', household: [] });
    await ok(call(core, 'beneficiaries:update', { id: person.id, version: person.version, data }));
    expect(await inIndex()).toBe(0);
    expect((await ok<unknown[]>(call(core, 'beneficiaries:search', { query: 'جاله الشمراني' }))).length).toBe(1);
    expect((await ok<unknown[]>(call(core, 'beneficiaries:search', { query: 'ژاله' }))).length).toBe(0);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)`.execute(core.db);
  });
});
