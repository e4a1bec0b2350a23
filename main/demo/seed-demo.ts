/** Demo data for a first look at the app: synthetic beneficiaries created through the service. */
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import type { Core } from '../core/create-core';
import { prng, syntheticBeneficiary } from './synthetic-people';
import { seedDemoLibrary } from '../library/seed-demo-library';

export async function seedDemo(core: Core, options: { count: number; onlyIfEmpty?: boolean; seed?: number }): Promise<number> {
  if (options.onlyIfEmpty) {
    const existing = await core.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return 0;
  }
  const session = core.sessions.current();
  if (!session) throw new Error('no session to seed demo data as');
  const actor = { userId: session.user.id, counterId: session.counter.id, counterCode: session.counter.code };
  const random = prng(options.seed ?? 334);
  const start = Number(
    (await core.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  for (let i = 0; i < options.count; i++) {
    const data = beneficiaryInput.parse(syntheticBeneficiary(start + i + 1, random));
    // Demo families may share names; acknowledge name warnings so the seed never stops half-way.
    await core.beneficiaries.create(actor, data, []).catch(async (error: unknown) => {
      const warnings = (error as { details?: { warnings?: string } }).details?.warnings;
      if (!warnings) throw error;
      await core.beneficiaries.create(actor, data, warnings.split(','));
    });
  }
  await seedDemoLibrary(core, actor);
  return options.count;
}
