/** Random but valid registry writes for sync tests (IDs with a correct Luhn digit). */
import type { TestCounter } from './sync-counters';
import { beneficiaryFixture } from './fixtures';
import { beneficiaryInput, type BeneficiaryInput } from '../../shared/beneficiaries/schemas';

export function nationalId(n: number): string {
  const body = `1${String(n).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export function actorOf(c: TestCounter, userId: string) {
  return { userId, counterId: c.counterId, counterCode: c.code };
}

export async function adminId(c: TestCounter): Promise<string> {
  return (await c.core.db.selectFrom('users').select('id').where('counter_id', '=', c.counterId).executeTakeFirstOrThrow()).id;
}

/** A distinct Arabic family name per number (names take letters only). */
export function familyOf(n: number): string {
  return `آل ${[...String(n)].map((d) => 'ابتثجحخدذر'[Number(d)]).join('')}`;
}

const NAMES = ['أحمد', 'سعد', 'فهد', 'خالد', 'نورة', 'سارة', 'هند', 'ريم'];

export async function createBeneficiary(c: TestCounter, n: number, extra: Partial<BeneficiaryInput> = {}) {
  const data = beneficiaryInput.parse(
    beneficiaryFixture({
      idNumber: nationalId(n),
      mobile: `05${String(50000000 + n).slice(-8)}`,
      firstName: NAMES[n % NAMES.length]!,
      familyName: familyOf(n),
      ...extra,
    }),
  );
  const actor = actorOf(c, await adminId(c));
  return c.core.beneficiaries.create(actor, data, []).catch((e: { details?: { warnings?: string } }) => {
    // Similar-record warnings are acknowledged, as staff would after reviewing them.
    const warnings = e.details?.warnings?.split(',') ?? [];
    if (warnings.length === 0) throw e;
    return c.core.beneficiaries.create(actor, data, warnings);
  });
}

/** A local edit of some columns, as any service's write would be (the triggers see every writer). */
export async function editBeneficiary(c: TestCounter, id: string, change: Record<string, string | number | null>) {
  await c.core.db
    .updateTable('beneficiaries')
    .set({ ...change, updated_at: new Date().toISOString() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
