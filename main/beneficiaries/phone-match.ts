/**
 * "Mobile or other mobile equals X" as a compound select: a UNION of two index lookups. Written
 * as one `OR`, SQLite's planner falls back to a full scan once ANALYZE has seen that most
 * `alt_mobile` values are empty; the union keeps both lookups on their indexes.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

export function phoneMatches(e164: string): Expression<SqlBool> {
  return sql<SqlBool>`beneficiaries.rowid IN (
    SELECT rowid FROM beneficiaries WHERE mobile = ${e164}
    UNION SELECT rowid FROM beneficiaries WHERE alt_mobile = ${e164})`;
}
