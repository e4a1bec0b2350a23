/**
 * Seeding a registry with synthetic beneficiaries made by SQLite itself, for the registry
 * benchmark (tests/bench/registry.ts: a million people) and large test data.
 *
 * Why in SQL: made in JavaScript, every row is an object, then JSON text, then parsed back by
 * SQLite, and on this machine's two cores the generator and SQLite slow each other down rather
 * than overlap: making and moving the rows cost more than inserting them. Here JavaScript makes
 * only three small pools with the same generator as everywhere else (synthetic-people.ts), and
 * one INSERT … SELECT composes each person from them inside SQLite:
 *   - first name + father's name (with the gender that goes with the first name), 8,192 pairs;
 *   - grandfather's name + family name, 4,096 pairs: together about 400,000 different names;
 *   - the rest (citizen or resident, birth date, city, category), 16,384 combinations;
 * each person's pool rows chosen by multiplicative hashes of their number (Knuth's constants), so
 * a seed always makes the same people. What must be unique is derived from the number, exactly
 * as the JavaScript generator derives it: the ID (nthSaudiId, its Luhn check digit computed in
 * SQL), the mobile (nthMobileE164), the record id and the reference (formatReference, written
 * again as printf). The name as searched is the pools' normalised halves joined, which equals
 * normaliseName on the four parts (tests/integration/synthetic-seed.test.ts checks every row).
 *
 * The rows go in through the bulk load (main/beneficiaries/bulk-load.ts): one transaction,
 * indexes and the name index built once after the rows.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import { loadBeneficiariesInBulk } from '../beneficiaries/bulk-load';
import { formatReference, REFERENCE_KINDS } from '../../shared/ids/reference';
import { normalisedNameOf, prng, syntheticBeneficiary } from './synthetic-people';

const FIRST_PAIRS = 8192;
const FAMILY_PAIRS = 4096;
const DETAILS = 16384;

/** What the seed writes; every other column keeps its default (NULL). */
const SEEDED_COLUMNS = [
  'id', 'reference', 'id_type', 'id_number', 'first_name', 'father_name', 'grandfather_name', 'family_name', 'name_normalised',
  'gender', 'birth_date', 'nationality', 'mobile', 'city', 'category', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by', 'counter_id',
] as const;

export interface SyntheticSeed {
  /** How many people. */
  count: number;
  /** The number of the first (0-based): seeding again from where the last seed stopped adds more people. */
  first?: number;
  /** The pools' seed: the same seed, the same people. */
  seed?: number;
  at?: string;
  counterId?: string;
  createdBy?: string;
}

/** The record id of synthetic person n: UUIDv7-shaped, in number order (as a counter's ids are in time order). */
export const syntheticId = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** The reference of synthetic person n: counter K01's (n + 1)-th beneficiary of 1448. */
export const syntheticReference = (n: number) => formatReference(REFERENCE_KINDS.beneficiary, 1448, 'K01', n + 1);

/** Seeds `count` synthetic people in one bulk load; returns how many went in. */
export function seedSyntheticBeneficiaries(db: Db, options: SyntheticSeed): Promise<number> {
  return loadBeneficiariesInBulk(db, SEEDED_COLUMNS, async (trx) => {
    await createPools(trx, options.seed ?? 1448);
    try {
      await insertPeople(trx, options);
    } finally {
      for (const pool of ['seed_first_pairs', 'seed_family_pairs', 'seed_details']) await sql`DROP TABLE IF EXISTS temp.${sql.ref(pool)}`.execute(trx);
    }
    return options.count;
  });
}

async function createPools(trx: Transaction<Database>, seed: number) {
  const random = prng(seed);
  const people = Array.from({ length: Math.max(DETAILS, FIRST_PAIRS + FAMILY_PAIRS) }, (_, i) => syntheticBeneficiary(i + 1, random));
  const firstPairs = people.slice(0, FIRST_PAIRS).map((p) => [p.firstName, p.fatherName, normalisedNameOf([p.firstName, p.fatherName]), p.gender]);
  const familyPairs = people.slice(FIRST_PAIRS, FIRST_PAIRS + FAMILY_PAIRS).map((p) => [p.grandfatherName, p.familyName, normalisedNameOf([p.grandfatherName, p.familyName])]);
  const details = people.map((p) => [p.idType === 'iqama' ? 1 : 0, p.birthDate?.value ?? null, p.nationality ?? 'SA', p.city ?? null, p.category ?? null]);

  await sql`CREATE TEMP TABLE seed_first_pairs (i INTEGER PRIMARY KEY, first_name TEXT, father_name TEXT, normalised TEXT, gender TEXT)`.execute(trx);
  await sql`CREATE TEMP TABLE seed_family_pairs (i INTEGER PRIMARY KEY, grandfather_name TEXT, family_name TEXT, normalised TEXT)`.execute(trx);
  await sql`CREATE TEMP TABLE seed_details (i INTEGER PRIMARY KEY, resident INTEGER, birth_date TEXT, nationality TEXT, city TEXT, category TEXT)`.execute(trx);
  await sql`INSERT INTO temp.seed_first_pairs SELECT key, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(firstPairs)})`.execute(trx);
  await sql`INSERT INTO temp.seed_family_pairs SELECT key, value ->> 0, value ->> 1, value ->> 2 FROM json_each(${JSON.stringify(familyPairs)})`.execute(trx);
  await sql`INSERT INTO temp.seed_details SELECT key, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(${JSON.stringify(details)})`.execute(trx);
}

/**
 * One statement for every person. `body` is the ID's first nine digits (1 citizen or 2 resident,
 * then the person's number + 1 on eight digits, as nthSaudiId); the tenth is Luhn's check digit:
 * from the left, odd positions doubled (a doubled digit over 9 loses 9), the sum topped up to a
 * multiple of ten. The hashes take bits 16 and up of n × an odd 32-bit constant: the low bits of
 * such a product repeat with a short period, the high ones do not.
 */
async function insertPeople(trx: Transaction<Database>, options: SyntheticSeed) {
  const first = options.first ?? 0;
  const at = options.at ?? '2026-01-01T00:00:00.000Z';
  const by = options.createdBy ?? 'seed';
  const counterId = options.counterId ?? 'seed';
  await sql`
    WITH RECURSIVE seq(n) AS (SELECT ${first} UNION ALL SELECT n + 1 FROM seq WHERE n < ${first + options.count - 1}),
    person AS (
      SELECT n, f.first_name, f.father_name, g.grandfather_name, g.family_name, f.normalised || ' ' || g.normalised AS name_normalised, f.gender,
        d.resident, d.birth_date, d.nationality, d.city, d.category, (1 + d.resident) * 100000000 + n + 1 AS body
      FROM seq
      JOIN temp.seed_first_pairs f ON f.i = (n * 2654435761 % 4294967296) / 65536 % ${FIRST_PAIRS}
      JOIN temp.seed_family_pairs g ON g.i = (n * 2246822519 % 4294967296) / 65536 % ${FAMILY_PAIRS}
      JOIN temp.seed_details d ON d.i = (n * 3266489917 % 4294967296) / 65536 % ${DETAILS}
    )
    INSERT INTO beneficiaries (${sql.join(SEEDED_COLUMNS.map((c) => sql.ref(c)))})
    SELECT printf('01900000-0000-7000-8000-%012x', n), printf('B-1448-K01-%06d', n + 1), CASE resident WHEN 1 THEN 'iqama' ELSE 'national_id' END,
      body || ((10 - (
        2 * (body / 100000000 % 10) - 9 * (body / 100000000 % 10 > 4) + body / 10000000 % 10 +
        2 * (body / 1000000 % 10) - 9 * (body / 1000000 % 10 > 4) + body / 100000 % 10 +
        2 * (body / 10000 % 10) - 9 * (body / 10000 % 10 > 4) + body / 1000 % 10 +
        2 * (body / 100 % 10) - 9 * (body / 100 % 10 > 4) + body / 10 % 10 +
        2 * (body % 10) - 9 * (body % 10 > 4)) % 10) % 10),
      first_name, father_name, grandfather_name, family_name, name_normalised, gender, birth_date, nationality,
      '+9665' || (50000000 + (n + 1) % 50000000), city, category, 1, ${at}, ${at}, ${by}, ${by}, ${counterId}
    FROM person`.execute(trx);
}
