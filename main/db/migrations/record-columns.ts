/**
 * The columns every synchronised record carries: UUIDv7 id, creation and change times, author,
 * the counter it was written on, and a soft-delete tombstone.
 *
 * Frozen: released migrations call this, and a migration must create the same schema for ever.
 * A record column added later goes in a new migration (ALTER TABLE), never here.
 */
import type { CreateTableBuilder } from 'kysely';

export function recordColumns<T extends string>(t: CreateTableBuilder<T, never>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}
