/**
 * Realistic synthetic beneficiaries for demos, tests and benchmarks: four-part Arabic names,
 * valid national IDs and Iqamas (Luhn check digit), Saudi mobiles. Deterministic for a seed.
 */
import type { BeneficiaryInput } from '../../shared/beneficiaries/schemas';
import { normaliseArabic, normaliseName } from '../../shared/text/arabic-normalise';

const MALE = ['محمد', 'أحمد', 'عبدالله', 'عبد الرحمن', 'خالد', 'سعد', 'فهد', 'سلطان', 'فيصل', 'ناصر', 'سعود', 'تركي', 'بندر', 'ماجد', 'عمر', 'علي', 'إبراهيم', 'يوسف', 'حمد', 'عبدالعزيز', 'صالح', 'منصور', 'راشد', 'مشعل', 'نايف'];
const FEMALE = ['نورة', 'فاطمة', 'سارة', 'مريم', 'هيا', 'لطيفة', 'منيرة', 'عائشة', 'حصة', 'الجوهرة', 'ريم', 'أمل', 'هند', 'نوف', 'شيخة', 'موضي', 'بدرية', 'جواهر'];
const FAMILY = ['القحطاني', 'العتيبي', 'الدوسري', 'الشمري', 'الحربي', 'المطيري', 'الغامدي', 'الزهراني', 'العنزي', 'السبيعي', 'الشهري', 'العمري', 'المالكي', 'السهلي', 'البقمي', 'الرشيدي', 'الخالدي', 'التميمي', 'الهاجري', 'اليامي'];
const CITIES = ['الرياض', 'الخرج', 'الدلم', 'حوطة بني تميم', 'المزاحمية'];
const CATEGORIES = ['orphans', 'widows', 'divorced', 'elderly', 'disability', 'low_income'];

/** A small deterministic PRNG (mulberry32), so a seed always gives the same people. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends the Luhn check digit that makes a 9-digit body a valid Saudi ID. */
export function withCheckDigit(body9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body9[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body9 + String((10 - (sum % 10)) % 10);
}

/** The n-th unique ID of a kind: unique by construction, not by chance. */
export function nthSaudiId(n: number, kind: 'citizen' | 'resident' = 'citizen'): string {
  const body = (kind === 'citizen' ? '1' : '2') + String(n).padStart(8, '0');
  return withCheckDigit(body);
}

export function nthMobile(n: number): string {
  return '05' + String(50_000_000 + (n % 50_000_000)).padStart(8, '0');
}

/**
 * `nthMobile(n)` in E.164, exactly as normaliseSaudiMobile gives it (tests/unit/synthetic-people
 * checks they agree), without libphonenumber's parse: that parse is ~8 µs, most of a synthetic
 * row's cost when a benchmark makes a million of them.
 */
export function nthMobileE164(n: number): string {
  return `+966${nthMobile(n).slice(1)}`;
}

/**
 * A four-part name normalised part by part, each part remembered (the lists hold under a hundred
 * names, so the memory is bounded). Equal to normaliseName on the joined parts: every rule of
 * normaliseArabic works within a word, except joining a word ending in عبد or ابن to the next
 * one, so a part that ends with either falls back to the whole-name path.
 */
const normalisedParts = new Map<string, string>();
const CROSSES_PARTS = /(^| )(عبد|ابن)$/;

export function normalisedNameOf(parts: readonly string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    let normal = normalisedParts.get(part);
    if (normal === undefined) normalisedParts.set(part, (normal = normaliseArabic(part)));
    if (!normal || CROSSES_PARTS.test(normal)) return normaliseName(parts);
    out.push(normal);
  }
  return out.join(' ');
}

export function syntheticBeneficiary(n: number, random: () => number): BeneficiaryInput {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const female = random() < 0.45;
  const resident = random() < 0.15;
  const year = 1950 + Math.floor(random() * 55);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return {
    idType: resident ? 'iqama' : 'national_id',
    idNumber: nthSaudiId(n, resident ? 'resident' : 'citizen'),
    firstName: female ? pick(FEMALE) : pick(MALE),
    fatherName: pick(MALE),
    grandfatherName: pick(MALE),
    familyName: pick(FAMILY),
    gender: female ? 'female' : 'male',
    birthDate: { calendar: 'gregorian', value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` },
    nationality: resident ? 'YE' : 'SA',
    maritalStatus: pick(['single', 'married', 'divorced', 'widowed'] as const),
    mobile: nthMobile(n),
    city: pick(CITIES),
    category: pick(CATEGORIES),
    employmentStatus: pick(['employed', 'unemployed', 'retired', 'unable_to_work'] as const),
    monthlyIncome: Math.floor(random() * 60) * 100,
    household: [],
  };
}

/** The columns `syntheticBeneficiaryRow` fills, for bulk inserts. */
export const SYNTHETIC_ROW_COLUMNS = [
  'id', 'reference', 'id_type', 'id_number', 'first_name', 'father_name', 'grandfather_name', 'family_name',
  'name_normalised', 'gender', 'birth_date', 'nationality', 'mobile', 'city', 'category', 'version',
  'created_at', 'updated_at', 'created_by', 'updated_by', 'counter_id',
] as const;

/**
 * A synthetic beneficiary as a database row, for benchmarks and large test data inserted in bulk
 * (the service path validates and audits each record; these bypass it on purpose, for volume).
 */
export function syntheticBeneficiaryRow(
  n: number,
  random: () => number,
  row: { id: string; reference: string; at: string; counterId: string; createdBy?: string },
): Record<(typeof SYNTHETIC_ROW_COLUMNS)[number], unknown> {
  const p = syntheticBeneficiary(n, random);
  const by = row.createdBy ?? 'bench';
  return {
    id: row.id,
    reference: row.reference,
    id_type: p.idType,
    id_number: p.idNumber,
    first_name: p.firstName,
    father_name: p.fatherName,
    grandfather_name: p.grandfatherName,
    family_name: p.familyName,
    name_normalised: normalisedNameOf([p.firstName, p.fatherName, p.grandfatherName, p.familyName]),
    gender: p.gender,
    birth_date: p.birthDate?.value ?? null,
    nationality: p.nationality ?? 'SA',
    mobile: nthMobileE164(n),
    city: p.city ?? null,
    category: p.category ?? null,
    version: 1,
    created_at: row.at,
    updated_at: row.at,
    created_by: by,
    updated_by: by,
    counter_id: row.counterId,
  };
}
