/**
 * Child process for the crash-safety test: writes beneficiaries one transaction at a time and
 * prints each id only after its commit returned, until it is killed.
 */
import { createCore } from '../../main/core/create-core';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { prng, syntheticBeneficiary } from '../../main/demo/synthetic-people';

const core = await createCore({ databaseFile: process.argv[2]! });
// The actor comes from the database itself, not from a signed-in session: this script stands in
// for any writer, and sign-in is not what is under test.
const counter = await core.db.selectFrom('counters').select(['id', 'code']).executeTakeFirstOrThrow();
const user = await core.db.selectFrom('users').select('id').executeTakeFirst();
const actor = { userId: user?.id ?? 'crash-test', counterId: counter.id, counterCode: counter.code };
const random = prng(5);
for (let n = 1; ; n++) {
  const data = beneficiaryInput.parse({ ...syntheticBeneficiary(n, random), household: [{ relation: 'son', name: 'ابن', disability: false }] });
  // A rare synthetic name clash raises a duplicate warning: that record is skipped, not printed.
  const saved = await core.beneficiaries.create(actor, data, []).catch(() => null);
  if (saved) process.stdout.write(`${saved.id}\n`);
}
