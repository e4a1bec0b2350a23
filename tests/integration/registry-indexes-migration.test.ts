/**
 * Migration 0017 on a file from before it: the other-mobile index becomes partial (only people
 * who gave a second mobile are in it) and is still the one a phone search uses; the trigram name
 * index takes 4,050-byte leaves and removes deleted names' entries (secure-delete), and what an
 * earlier name change left in it is gone; rows, search results and the name index's integrity
 * are as before.
 */
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateOnToLatest, migrateToJustBefore } from '../support/migrate-around';
import { openDatabase } from '../../main/db/open-database';
import { bulkInsertJson } from '../../main/db/bulk-insert';
import { searchBeneficiaries } from '../../main/beneficiaries/beneficiary-search';
import { phoneMatches } from '../../main/beneficiaries/phone-match';
import { prng, SYNTHETIC_ROW_COLUMNS, syntheticBeneficiaryRow } from '../../main/demo/synthetic-people';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const random = prng(17);
const rows = Array.from({ length: 400 }, (_, i) => ({
  ...syntheticBeneficiaryRow(i + 1, random, { id: `b-${i}`, reference: `B-1448-K01-${String(i + 1).padStart(6, '0')}`, at: '2026-01-01T00:00:00.000Z', counterId: 'c' }),
  // One person in ten gives a second mobile.
  alt_mobile: i % 10 === 0 ? `+96658${String(i).padStart(7, '0')}` : null,
}));

describe('migration 0017', () => {
  it('makes the other-mobile index partial and the name index leaves 4,050 bytes, keeping rows and search', async () => {
    const file = join(tmp.dir, 'before-0017.sqlite');
    const db = openDatabase(file);
    await migrateToJustBefore(db, '0017-registry-indexes');
    await bulkInsertJson(db, 'beneficiaries', [...SYNTHETIC_ROW_COLUMNS, 'alt_mobile'], rows);
    const altIndexEntries = () => sql<{ n: number }>`SELECT count(*) AS n FROM beneficiaries INDEXED BY beneficiaries_alt_mobile WHERE alt_mobile > ''`.execute(db);
    const searches = async () => {
      const out: string[][] = [];
      for (const r of rows.filter((_, i) => i % 25 === 0)) {
        for (const q of [String(r.mobile).replace('+966', '0'), r.alt_mobile ? r.alt_mobile.replace('+966', '0') : String(r.id_number), String(r.family_name)]) out.push((await searchBeneficiaries(db, q, 50)).map((b) => b.id).sort());
      }
      return out;
    };
    const before = await searches();
    expect(before.filter((r) => r.length > 0).length).toBe(before.length);
    // A name corrected before 0017: its old trigram ('ژال', stored whole: no other name has ژ)
    // stays in the index's blocks beside FTS5's delete marker.
    await db.updateTable('beneficiaries').set({ first_name: 'ژاله', name_normalised: sql`'ژاله' || substr(name_normalised, instr(name_normalised, ' '))` }).where('id', '=', 'b-1').execute();
    await db.updateTable('beneficiaries').set({ first_name: 'جاله', name_normalised: sql`'جاله' || substr(name_normalised, instr(name_normalised, ' '))` }).where('id', '=', 'b-1').execute();
    const oldName = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM beneficiaries_fts_data WHERE instr(block, ${Buffer.from('ژال')}) > 0`.execute(db)).rows[0]!.n);
    expect(await oldName()).toBeGreaterThan(0);

    expect(await migrateOnToLatest(db)).toContain('0017-registry-indexes');

    const index = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'beneficiaries_alt_mobile'`.execute(db)).rows[0]!;
    expect(index.sql).toMatch(/ON beneficiaries\(alt_mobile\) WHERE alt_mobile IS NOT NULL/);
    // Only the 40 people with a second mobile are in it (the whole index, read through itself).
    const dbstat = await sql<{ n: number }>`SELECT sum(ncell) AS n FROM dbstat WHERE name = 'beneficiaries_alt_mobile' AND pagetype = 'leaf'`.execute(db);
    expect(Number(dbstat.rows[0]!.n)).toBe(40);
    expect(Number((await altIndexEntries()).rows[0]!.n)).toBe(40);
    // The phone search's lookup still goes through it.
    const query = db.selectFrom('beneficiaries').select('id').where(phoneMatches('+966580000010')).compile();
    const plan = await db.executeQuery(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]));
    expect(JSON.stringify(plan.rows)).toContain('USING COVERING INDEX beneficiaries_alt_mobile (alt_mobile=?)');

    const config = await sql<{ k: string; v: number }>`SELECT k, v FROM beneficiaries_fts_config WHERE k IN ('pgsz', 'secure-delete') ORDER BY k`.execute(db);
    expect(config.rows).toEqual([
      { k: 'pgsz', v: 4050 },
      { k: 'secure-delete', v: 1 },
    ]);
    expect(await oldName()).toBe(0);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM beneficiaries`.execute(db)).rows[0]!.n)).toBe(rows.length);
    expect(await searches()).toEqual(before);
    await db.destroy();
  });
});
