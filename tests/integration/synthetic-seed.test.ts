/**
 * Synthetic people made in SQL (main/demo/synthetic-seed.ts) on a real SQLite file: every row is
 * what the JavaScript generator and the shared validators say a person is (a valid ID of the
 * right kind, a Saudi mobile in E.164, the normalised name of its four parts), unique where it
 * must be, spread like the generator's people, found by the search box, and loaded through the
 * bulk load (indexes and name index intact); the same seed makes the same people; seeding on
 * from where the last seed stopped adds more, and a repeat is refused whole.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type Db } from '../../main/db/open-database';
import { seedSyntheticBeneficiaries, syntheticId, syntheticReference } from '../../main/demo/synthetic-seed';
import { nthMobileE164, nthSaudiId } from '../../main/demo/synthetic-people';
import { searchBeneficiaries } from '../../main/beneficiaries/beneficiary-search';
import { checkSaudiId } from '../../shared/validation/national-id';
import { normaliseSaudiMobile } from '../../shared/validation/phone';
import { normaliseName } from '../../shared/text/arabic-normalise';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
const open: Db[] = [];
afterAll(async () => {
  for (const db of open) await db.destroy();
  tmp.cleanup();
});
async function fresh(name: string): Promise<Db> {
  const db = openDatabase(join(tmp.dir, `${name}.sqlite`));
  open.push(db);
  await migrateToLatest(db);
  return db;
}

const COUNT = 20_000;
interface Row {
  id: string; reference: string; id_type: string; id_number: string; first_name: string; father_name: string; grandfather_name: string;
  family_name: string; name_normalised: string; gender: string; birth_date: string; nationality: string; mobile: string; city: string; category: string;
}
const rowsOf = async (db: Db) => (await sql<Row>`SELECT * FROM beneficiaries ORDER BY rowid`.execute(db)).rows;
const schemaOf = async (db: Db) => (await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE tbl_name = 'beneficiaries' ORDER BY name`.execute(db)).rows;

describe('synthetic people made in SQL', () => {
  it('are valid people, unique where they must be, spread like the generator, and searchable', async () => {
    const db = await fresh('seed');
    const migrated = await schemaOf(db);
    expect(await seedSyntheticBeneficiaries(db, { count: COUNT })).toBe(COUNT);
    const rows = await rowsOf(db);
    expect(rows).toHaveLength(COUNT);

    rows.forEach((r, n) => {
      expect(r.id).toBe(syntheticId(n));
      expect(r.reference).toBe(syntheticReference(n));
      const resident = r.id_type === 'iqama';
      expect(r.id_number).toBe(nthSaudiId(n + 1, resident ? 'resident' : 'citizen'));
      expect(checkSaudiId(r.id_number)).toEqual({ ok: true, value: r.id_number, kind: resident ? 'resident' : 'citizen' });
      expect(r.nationality).toBe(resident ? 'YE' : 'SA');
      expect(r.mobile).toBe(nthMobileE164(n + 1));
      expect(normaliseSaudiMobile(r.mobile.replace('+966', '0'))).toBe(r.mobile);
      expect(r.name_normalised).toBe(normaliseName([r.first_name, r.father_name, r.grandfather_name, r.family_name]));
      expect(r.birth_date).toMatch(/^(19[5-9]\d|200[0-4])-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
    });
    const share = (f: (r: Row) => boolean) => rows.filter(f).length / COUNT;
    expect(share((r) => r.gender === 'female')).toBeGreaterThan(0.4);
    expect(share((r) => r.gender === 'female')).toBeLessThan(0.5);
    expect(share((r) => r.id_type === 'iqama')).toBeGreaterThan(0.1);
    expect(share((r) => r.id_type === 'iqama')).toBeLessThan(0.2);
    // A woman's first name is never a man's, and the other way round.
    const firstNamesOf = (g: string) => new Set(rows.filter((r) => r.gender === g).map((r) => r.first_name));
    const women = firstNamesOf('female');
    expect([...firstNamesOf('male')].filter((name) => women.has(name))).toEqual([]);
    expect(new Set(rows.map((r) => r.name_normalised)).size).toBeGreaterThan(COUNT * 0.8);
    expect(new Set(rows.map((r) => r.city)).size).toBe(5);
    expect(new Set(rows.map((r) => r.category)).size).toBe(6);

    // Loaded through the bulk load: the schema as migrated, the name index whole, nothing left behind.
    expect(await schemaOf(db)).toEqual(migrated);
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
    expect((await sql`SELECT name FROM sqlite_temp_master`.execute(db)).rows).toEqual([]);
    for (const n of [0, 7, 4321, COUNT - 1]) {
      const r = rows[n]!;
      for (const query of [r.id_number, r.mobile.replace('+966', '0'), `${r.first_name} ${r.father_name} ${r.grandfather_name} ${r.family_name}`]) {
        expect((await searchBeneficiaries(db, query, 50)).map((b) => b.id)).toContain(r.id);
      }
    }
  });

  it('makes the same people from the same seed, adds more from where it stopped, and refuses a repeat whole', async () => {
    const a = await fresh('seed-a');
    const b = await fresh('seed-b');
    await seedSyntheticBeneficiaries(a, { count: 3000, seed: 9 });
    await seedSyntheticBeneficiaries(b, { count: 1000, seed: 9 });
    await seedSyntheticBeneficiaries(b, { count: 2000, seed: 9, first: 1000 });
    expect(await rowsOf(b)).toEqual(await rowsOf(a));
    await sql`INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)`.execute(b);

    const other = await fresh('seed-other');
    await seedSyntheticBeneficiaries(other, { count: 3000, seed: 10 });
    expect((await rowsOf(other)).map((r) => r.name_normalised)).not.toEqual((await rowsOf(a)).map((r) => r.name_normalised));

    // The same numbers again: the same record ids, refused; the file keeps its 3,000 people.
    await expect(seedSyntheticBeneficiaries(a, { count: 10, seed: 9, first: 2995 })).rejects.toThrow(/UNIQUE/);
    expect(await rowsOf(a)).toHaveLength(3000);
    expect((await sql`SELECT name FROM sqlite_temp_master`.execute(a)).rows).toEqual([]);
  });
});
