/**
 * Head-office reading: one view per synchronised table (`beneficiaries`, `audit_log`, …) with
 * the same columns as on the counters, typed, over the current central rows. Built from the
 * registry and the counter schema the CLI runs with, so a new table or column appears after
 * `central migrate`. Views, not copies: nothing to keep in step, nothing a counter writes to.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { SYNCED_TABLES } from '../sync/synced-tables';
import type { CentralDb } from './central-store';

function pgType(sqliteType: string): string {
  const t = sqliteType.toUpperCase();
  if (t.includes('INT')) return 'bigint';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'double precision';
  return 'text';
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function refreshDomainViews(local: Db, central: CentralDb): Promise<string[]> {
  const created: string[] = [];
  await central.transaction().execute(async (trx) => {
    for (const t of SYNCED_TABLES) {
      const cols = await sql<{ name: string; type: string }>`SELECT name, type FROM pragma_table_info(${t.table})`.execute(local);
      const shared = cols.rows.filter((c) => !(t.localColumns && c.name in t.localColumns));
      if (shared.length === 0) continue;
      const record = shared.map((c) => `${ident(c.name)} ${pgType(c.type)}`).join(', ');
      await sql.raw(`DROP VIEW IF EXISTS ${ident(t.table)}`).execute(trx);
      await sql
        .raw(
          `CREATE VIEW ${ident(t.table)} AS SELECT r.* FROM sync_rows s
           JOIN sync_changes c ON c.change_seq = s.change_seq
           CROSS JOIN LATERAL jsonb_to_record(c.row) AS r(${record})
           WHERE s.table_name = '${t.table}' AND NOT s.deleted`,
        )
        .execute(trx);
      await sql.raw(`GRANT SELECT ON ${ident(t.table)} TO istiqbal_counter`).execute(trx);
      created.push(t.table);
    }
  });
  return created;
}
