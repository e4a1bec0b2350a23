/** Printers and the default printer per document kind (per counter), in the local database. */
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/printing/document-kinds';
import { printerInput, type PrinterInput, type PrintersState, type PrinterView } from '../../shared/printing/schemas';
import { appendAudit } from '../audit/append-audit';
import type { Actor } from '../core/actor';
import type { Clock, IdGenerator } from '../core/clock';
import type { Db } from '../db/open-database';
import type { PrintersTable } from './printing-tables';

export type PrinterRow = PrintersTable;

export interface PrinterStoreDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

function view(row: PrinterRow, defaults: { kind: string; printer_id: string }[]): PrinterView {
  return {
    id: row.id,
    name: row.name,
    interface: row.interface as PrinterView['interface'],
    address: row.address,
    paper: row.paper as PrinterView['paper'],
    type: row.printer_type as PrinterView['type'],
    defaultFor: defaults.filter((d) => d.printer_id === row.id).map((d) => d.kind as DocumentKind),
  };
}

export function createPrinterStore({ db, clock, newId }: PrinterStoreDeps) {
  async function get(id: string): Promise<PrinterRow | undefined> {
    return db.selectFrom('printers').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  }

  async function state(counterId: string): Promise<PrintersState> {
    const rows = await db.selectFrom('printers').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
    const defaults = await db.selectFrom('printer_defaults').select(['kind', 'printer_id']).where('counter_id', '=', counterId).execute();
    const byKind = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, defaults.find((d) => d.kind === k)?.printer_id ?? null]));
    return { printers: rows.map((r) => view(r, defaults)), defaults: byKind as PrintersState['defaults'] };
  }

  async function save(actor: Actor, id: string | null | undefined, input: PrinterInput): Promise<PrinterView> {
    const p = printerInput.parse(input);
    const now = clock.now().toISOString();
    const printerId = id ?? newId();
    await db.transaction().execute(async (trx) => {
      const before = id ? await trx.selectFrom('printers').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst() : undefined;
      if (id && !before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
      const values = { name: p.name, interface: p.interface, address: p.address, paper: p.paper, printer_type: p.type, updated_at: now };
      if (before) await trx.updateTable('printers').set(values).where('id', '=', printerId).execute();
      else {
        await trx
          .insertInto('printers')
          .values({ ...values, id: printerId, created_at: now, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null })
          .execute();
      }
      await appendAudit(trx, actor, { action: before ? 'update' : 'create', entity: 'printers', entityId: printerId, before, after: values }, newId(), clock.now());
    });
    const row = await get(printerId);
    const defaults = await db.selectFrom('printer_defaults').select(['kind', 'printer_id']).where('counter_id', '=', actor.counterId).execute();
    return view(row!, defaults);
  }

  async function remove(actor: Actor, id: string): Promise<boolean> {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('printers').set({ deleted_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('printer_defaults').where('printer_id', '=', id).execute();
      await appendAudit(trx, actor, { action: 'delete', entity: 'printers', entityId: id }, newId(), now);
      return true;
    });
  }

  async function setDefault(actor: Actor, kind: DocumentKind, printerId: string | null): Promise<PrintersState> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('printer_defaults').where('counter_id', '=', actor.counterId).where('kind', '=', kind).execute();
      if (printerId) {
        const exists = await trx.selectFrom('printers').select('id').where('id', '=', printerId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!exists) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        await trx.insertInto('printer_defaults').values({ counter_id: actor.counterId, kind, printer_id: printerId, updated_at: now.toISOString() }).execute();
      }
      await appendAudit(trx, actor, { action: 'update', entity: 'printer_defaults', entityId: kind, after: { printerId } }, newId(), now);
    });
    return state(actor.counterId);
  }

  async function defaultFor(counterId: string, kind: DocumentKind): Promise<PrinterRow | undefined> {
    const d = await db.selectFrom('printer_defaults').select('printer_id').where('counter_id', '=', counterId).where('kind', '=', kind).executeTakeFirst();
    return d ? get(d.printer_id) : undefined;
  }

  async function count(): Promise<number> {
    const r = await db.selectFrom('printers').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  return { get, state, save, remove, setDefault, defaultFor, count };
}

export type PrinterStore = ReturnType<typeof createPrinterStore>;
