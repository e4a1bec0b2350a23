/**
 * The published privacy notices, newest first: the first row is the notice in force, the one a
 * consent must name. One definition for the consent gate and the consent service.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';

export function liveNotices(db: Db | Transaction<Database>) {
  return db.selectFrom('privacy_notices').where('deleted_at', 'is', null).orderBy('version', 'desc');
}
