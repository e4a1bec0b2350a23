/**
 * The decision time stored on a support request (migration 0014): from the (last) submission to
 * the first live committee decision stamped at or after it, in whole milliseconds; null while no
 * such decision exists. Computed from the rows themselves, exactly as the decision-time report
 * defined it from timestamps, so the stored value cannot drift from that definition (e.g. a decision
 * stamped in the very millisecond of a resubmission, or one stamped before it by a clock set back).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export async function decisionMsOf(trx: Transaction<Database>, requestId: string, submittedAt: string | null): Promise<number | null> {
  if (!submittedAt) return null;
  const first = await trx
    .selectFrom('request_decisions')
    .select((eb) => eb.fn.min('created_at').as('at'))
    .where('request_id', '=', requestId)
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', submittedAt)
    .executeTakeFirst();
  return first?.at ? Date.parse(first.at) - Date.parse(submittedAt) : null;
}
