/**
 * The audit entry for a read of personal data (a channel with `readsPersonalData`). It names the
 * channel and the records shown (ids only: the trail must not become a second copy of the data).
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { SessionView } from '../../shared/session/schemas';
import { appendAudit } from './append-audit';

const MAX_IDS = 200;

function idOf(value: unknown, key: string): string | null {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string') return v;
  }
  return null;
}

/** The record ids an answer shows: its own id, or the ids of a list's items. */
export function shownIds(output: unknown): string[] {
  if (Array.isArray(output)) return output.map((o) => idOf(o, 'id')).filter((x): x is string => !!x).slice(0, MAX_IDS);
  const own = idOf(output, 'id');
  if (own) return [own];
  if (output && typeof output === 'object') {
    for (const v of Object.values(output)) if (Array.isArray(v)) return shownIds(v);
  }
  return [];
}

export function createViewRecorder({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  return async ({ channel, input, output, session }: { channel: string; input: unknown; output: unknown; session: SessionView | null }) => {
    if (!session) return;
    const ids = shownIds(output);
    const entityId = idOf(input, 'id') ?? idOf(input, 'beneficiaryId') ?? (ids.length === 1 ? ids[0]! : null);
    const now = clock.now();
    await db.transaction().execute((trx) =>
      appendAudit(trx, { userId: session.user.id, counterId: session.counter.id }, { action: 'view', entity: channel, entityId, after: { ids } }, newId(), now),
    );
  };
}
