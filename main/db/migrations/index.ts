/**
 * Migrations through a static provider: bundlers cannot follow a folder scan, and the list is
 * the order. Zero-padded names; once released, a migration is never edited, only followed.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import { migration0001 } from './0001-foundation';
import { migration0002 } from './0002-beneficiaries';
import { migration0003 } from './0003-print-jobs';
import { migration0004 } from './0004-users-audit-pdpl';
import { migration0005 } from './0005-walk-ins';
import { migration0006 } from './0006-calls-letters-contacts';
import { migration0007 } from './0007-sync';
import { migration0008 } from './0008-report-indexes';
import { migration0009 } from './0009-ticket-durations';
import { migration0011 } from './0011-reference-library';
import { migration0014 } from './0014-request-decision-time';
import { migration0015 } from './0015-rating-service-staff';
import { migration0016 } from './0016-library-version-order';
import { migration0017 } from './0017-registry-indexes';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': migration0001,
  '0002-beneficiaries': migration0002,
  '0003-print-jobs': migration0003,
  '0004-users-audit-pdpl': migration0004,
  '0005-walk-ins': migration0005,
  '0006-calls-letters-contacts': migration0006,
  '0007-sync': migration0007,
  '0008-report-indexes': migration0008,
  '0009-ticket-durations': migration0009,
  '0011-reference-library': migration0011,
  '0014-request-decision-time': migration0014,
  '0015-rating-service-staff': migration0015,
  '0016-library-version-order': migration0016,
  '0017-registry-indexes': migration0017,
};

export const staticMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
