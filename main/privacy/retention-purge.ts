/**
 * The retention purge: for each record type in the schedule, what has passed its keep-days is
 * anonymised or deleted, each record in its own audit entry, and the run itself is logged with
 * its counts. Idempotent: a second run finds nothing more to do. Run from the admin screen or by
 * the OS scheduler with `npm run cli -- privacy purge`.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { PurgeResult } from '../../shared/privacy/schemas';
import { appendAudit } from '../audit/append-audit';
import { anonymiseBeneficiary } from './anonymise';
import { removeOrphanedFiles, type AttachmentFiles } from './remove-files';
import { checkpointNow } from '../db/checkpoint';

const DAY_MS = 86_400_000;

export async function runRetentionPurge(
  { db, clock, newId, attachmentFiles }: { db: Db; clock: Clock; newId: IdGenerator; attachmentFiles?: AttachmentFiles },
  actor: Pick<Actor, 'userId' | 'counterId'>,
): Promise<PurgeResult> {
  const now = clock.now();
  const at = now.toISOString();
  const rules = await db.selectFrom('retention_rules').selectAll().execute();
  const cutoff = (recordType: string) => {
    const rule = rules.find((r) => r.record_type === recordType);
    return rule ? new Date(now.getTime() - rule.keep_days * DAY_MS).toISOString() : null;
  };
  const results: PurgeResult['results'] = [];
  const orphanedFiles: string[] = [];

  await db.transaction().execute(async (trx) => {
    const beneficiaryCutoff = cutoff('beneficiary');
    if (beneficiaryCutoff) {
      // Last dealing = the record's last update; an open data-subject request holds the record.
      const expired = await trx
        .selectFrom('beneficiaries as b')
        .select('b.id')
        .where('b.deleted_at', 'is', null)
        .where('b.updated_at', '<', beneficiaryCutoff)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('data_subject_requests as r').select('r.id').whereRef('r.beneficiary_id', '=', 'b.id').where('r.status', '=', 'open'))))
        .execute();
      for (const { id } of expired) orphanedFiles.push(...(await anonymiseBeneficiary(trx, actor, id, now, newId, 'retention:beneficiary')).orphanedFiles);
      results.push({ recordType: 'beneficiary', action: 'anonymise', count: expired.length });
    }

    const snapshotCutoff = cutoff('audit_snapshot');
    if (snapshotCutoff) {
      const r = await trx
        .updateTable('audit_log')
        .set({ before_json: null, after_json: null, redacted_at: at })
        .where('at', '<', snapshotCutoff)
        .where('redacted_at', 'is', null)
        .where((eb) => eb.or([eb('before_json', 'is not', null), eb('after_json', 'is not', null)]))
        .executeTakeFirst();
      results.push({ recordType: 'audit_snapshot', action: 'anonymise', count: Number(r.numUpdatedRows) });
    }

    const dsrCutoff = cutoff('data_subject_request');
    if (dsrCutoff) {
      const r = await trx
        .updateTable('data_subject_requests')
        .set({ details: null, outcome: null, extension_notice: null, updated_at: at })
        .where('status', '!=', 'open')
        .where('closed_at', '<', dsrCutoff)
        .where((eb) => eb.or([eb('details', 'is not', null), eb('outcome', 'is not', null), eb('extension_notice', 'is not', null)]))
        .executeTakeFirst();
      results.push({ recordType: 'data_subject_request', action: 'anonymise', count: Number(r.numUpdatedRows) });
    }

    const consentCutoff = cutoff('withdrawn_consent');
    if (consentCutoff) {
      const r = await trx.deleteFrom('consents').where('withdrawn_at', '<', consentCutoff).executeTakeFirst();
      results.push({ recordType: 'withdrawn_consent', action: 'delete', count: Number(r.numDeletedRows) });
    }

    await appendAudit(trx, actor, { action: 'purge', entity: 'retention', entityId: null, after: { results } }, newId(), now);
  });
  removeOrphanedFiles(attachmentFiles, orphanedFiles);
  // What was purged leaves the disk now, not at the next automatic checkpoint.
  await checkpointNow(db);
  return { ranAt: at, results };
}
