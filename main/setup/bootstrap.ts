/**
 * Makes a fresh database usable: this counter, its first administrator and the default
 * categories. Idempotent: run at every start, it changes nothing on a database that has them.
 */
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import { DEFAULT_CATEGORIES, DEFAULT_COUNTER } from './organisation-defaults';

export interface Bootstrapped {
  counter: { id: string; code: string; name: string };
  admin: { id: string; displayName: string; role: 'administrator' };
}

export async function bootstrap(db: Db, clock: Clock, newId: IdGenerator): Promise<Bootstrapped> {
  return db.transaction().execute(async (trx) => {
    const at = clock.now().toISOString();
    let counter = await trx.selectFrom('counters').select(['id', 'code', 'name']).orderBy('created_at').limit(1).executeTakeFirst();
    if (!counter) {
      counter = { id: newId(), ...DEFAULT_COUNTER };
      await trx.insertInto('counters').values({ ...counter, created_at: at, updated_at: at }).execute();
    }
    let admin = await trx
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('role', '=', 'administrator')
      .where('active', '=', 1)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!admin) {
      admin = { id: newId(), display_name: 'مدير النظام' };
      await trx
        .insertInto('users')
        .values({
          ...admin,
          username: 'admin',
          role: 'administrator',
          password_hash: null,
          active: 1,
          created_at: at,
          updated_at: at,
          created_by: admin.id,
          counter_id: counter.id,
          deleted_at: null,
        })
        .execute();
    }
    await trx
      .insertInto('beneficiary_categories')
      .values(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, sort_order: i, active: 1 })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return { counter, admin: { id: admin.id, displayName: admin.display_name, role: 'administrator' } };
  });
}
