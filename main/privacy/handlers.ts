import type { privacyContract } from '../../shared/privacy/contract';
import type { HandlersOf } from '../ipc/handlers';
import { createConsentService } from './consent-service';
import { createDsrService, type DsrDeps } from './dsr-service';
import { createBreachService } from './breach-service';
import { runRetentionPurge } from './retention-purge';
import { consentStatus } from './consent-gate';
import { idCopiesAllowed, setIdCopiesAllowed } from './privacy-settings';
import { appendAudit } from '../audit/append-audit';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';

export function privacyHandlers(deps: DsrDeps): HandlersOf<keyof typeof privacyContract> {
  const { db, clock, newId } = deps;
  const consents = createConsentService(deps);
  const dsr = createDsrService(deps);
  const breaches = createBreachService(deps);
  const retention = async () =>
    (await db.selectFrom('retention_rules').selectAll().orderBy('record_type').execute()).map((r) => ({
      recordType: r.record_type,
      keepDays: r.keep_days,
      action: r.action as 'anonymise' | 'delete',
      basis: r.basis,
    }));

  return {
    'privacy:notice': () => consents.current(),
    'privacy:notices': () => consents.list(),
    'privacy:publishNotice': (input, ctx) => consents.publish(ctx.actor(), input.bodyAr, input.bodyEn),
    'privacy:consents': (input) => consents.consentsOf(input.beneficiaryId),
    'privacy:consentStatus': (input) => consentStatus(db, input.beneficiaryId, clock.now()),
    'privacy:recordConsent': (input, ctx) => consents.record(ctx.actor(), input),
    'privacy:withdrawConsent': (input, ctx) => consents.withdraw(ctx.actor(), input.consentId, input.reason),
    'privacy:settings': async () => ({ storeIdDocumentCopies: await idCopiesAllowed(db) }),
    'privacy:setSettings': async (input, ctx) => ({ storeIdDocumentCopies: await setIdCopiesAllowed(deps, ctx.actor(), input.storeIdDocumentCopies) }),
    'privacy:requests': (input) => dsr.list(input.openOnly),
    'privacy:createRequest': (input, ctx) => dsr.create(ctx.actor(), input),
    'privacy:extendRequest': (input, ctx) => dsr.extend(ctx.actor(), input.id, input.notice),
    'privacy:closeRequest': (input, ctx) => dsr.close({ ...ctx.actor(), role: ctx.session?.user.role }, input.id, input.status, input.outcome),
    'privacy:exportRequest': (input, ctx) => dsr.exportAccess(ctx.actor(), input.id),
    'privacy:exportRequestPdf': (input, ctx) => dsr.exportAccessPdf(ctx.actor(), input.id),
    'privacy:retention': () => retention(),
    'privacy:setRetention': async (input, ctx) => {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('retention_rules').select('keep_days').where('record_type', '=', input.recordType).executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        await trx.updateTable('retention_rules').set({ keep_days: input.keepDays, updated_at: now.toISOString() }).where('record_type', '=', input.recordType).execute();
        await appendAudit(trx, ctx.actor(), { action: 'update', entity: 'retention_rule', entityId: input.recordType, before: before.keep_days, after: input.keepDays }, newId(), now);
      });
      return retention();
    },
    'privacy:runPurge': (_input, ctx) => runRetentionPurge(deps, ctx.actor()),
    'privacy:breaches': () => breaches.list(),
    'privacy:recordBreach': (input, ctx) => breaches.record(ctx.actor(), input),
    'privacy:updateBreach': (input, ctx) => breaches.update(ctx.actor(), input),
  };
}
