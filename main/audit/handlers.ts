import type { auditContract } from '../../shared/audit/contract';
import type { Db } from '../db/open-database';
import type { HandlersOf } from '../ipc/handlers';
import { auditUsers, listAudit } from './audit-query';
import { verifyAudit } from './verify-audit';

export function auditHandlers(db: Db): HandlersOf<keyof typeof auditContract> {
  return {
    'audit:list': async (input) => ({ entries: await listAudit(db, input), users: await auditUsers(db) }),
    'audit:verify': () => verifyAudit(db),
  };
}
