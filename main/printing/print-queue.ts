/**
 * The print queue: one row per job, written (and committed) before anything is sent, so the
 * record being printed and the fact that it was asked for survive any printer problem.
 *
 * Double-print guard: an attempt starts by CLAIMING the job in one UPDATE that only matches a
 * job in `queued` or `failed`; it bumps `claim`, and only the holder of that claim may record
 * the outcome. A job that is `sending` or `printed` cannot be claimed again, by a person or by
 * the automatic retry.
 */
import type { PrintErrorCode } from '../../shared/printing/printer-errors';
import { PRINT_ERROR_MESSAGES } from '../../shared/printing/printer-errors';
import type { DocumentKind } from '../../shared/printing/document-kinds';
import type { PrintJobView } from '../../shared/printing/schemas';
import { appendAudit } from '../audit/append-audit';
import type { Actor } from '../core/actor';
import type { Clock, IdGenerator } from '../core/clock';
import type { Db } from '../db/open-database';
import type { PrintJobsTable } from './printing-tables';

export type JobRow = PrintJobsTable;

export interface NewJob {
  kind: DocumentKind;
  recordId: string | null;
  printerId: string | null;
  data: unknown;
  copyOf?: string | null;
  reprintedAt?: Date | null;
}

export function createPrintQueue({ db, clock, newId }: { db: Db; clock: Clock; newId: IdGenerator }) {
  async function create(actor: Actor, job: NewJob): Promise<JobRow> {
    const id = newId();
    const now = clock.now();
    const row: JobRow = {
      id,
      kind: job.kind,
      record_id: job.recordId,
      printer_id: job.printerId,
      data_json: JSON.stringify(job.data),
      copy_of: job.copyOf ?? null,
      reprinted_at: job.reprintedAt ? job.reprintedAt.toISOString() : null,
      status: 'queued',
      attempts: 0,
      error_code: null,
      claim: 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      printed_at: null,
      created_by: actor.userId,
      counter_id: actor.counterId,
      deleted_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('print_jobs').values(row).execute();
      // The audit names what was printed, never the personal data on it.
      await appendAudit(
        trx,
        actor,
        { action: 'print', entity: 'print_jobs', entityId: id, after: { kind: job.kind, recordId: job.recordId, printerId: job.printerId, copyOf: row.copy_of } },
        newId(),
        now,
      );
    });
    return row;
  }

  async function get(id: string): Promise<JobRow | undefined> {
    return db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Takes the job for one attempt; `null` when it is already being sent or was printed. */
  async function claim(id: string, printerId: string | null): Promise<number | null> {
    const now = clock.now().toISOString();
    const result = await db
      .updateTable('print_jobs')
      .set((eb) => ({
        status: 'sending',
        attempts: eb('attempts', '+', 1),
        claim: eb('claim', '+', 1),
        printer_id: printerId,
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'failed'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    const row = await get(id);
    return row!.claim;
  }

  async function finish(id: string, claimNo: number, outcome: { ok: true } | { ok: false; code: PrintErrorCode }): Promise<void> {
    const now = clock.now().toISOString();
    await db
      .updateTable('print_jobs')
      .set(
        outcome.ok
          ? { status: 'printed', error_code: null, printed_at: now, updated_at: now }
          : { status: 'failed', error_code: outcome.code, updated_at: now },
      )
      .where('id', '=', id)
      .where('claim', '=', claimNo)
      .where('status', '=', 'sending')
      .execute();
  }

  /** A job marked failed without an attempt (no printer chosen yet). */
  async function failUnclaimed(id: string, code: PrintErrorCode): Promise<void> {
    const now = clock.now().toISOString();
    await db.updateTable('print_jobs').set({ status: 'failed', error_code: code, updated_at: now }).where('id', '=', id).where('status', 'in', ['queued', 'failed']).execute();
  }

  /**
   * After a crash, a job left `sending` may or may not be on paper: it becomes `failed`
   * (interrupted) and waits for a person, never for the automatic retry.
   */
  async function recoverInterrupted(): Promise<number> {
    const now = clock.now().toISOString();
    const r = await db.updateTable('print_jobs').set({ status: 'failed', error_code: 'interrupted', updated_at: now }).where('status', '=', 'sending').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async function toView(row: JobRow): Promise<PrintJobView> {
    const printer = row.printer_id ? await db.selectFrom('printers').select('name').where('id', '=', row.printer_id).executeTakeFirst() : undefined;
    const code = row.error_code as PrintErrorCode | null;
    return {
      id: row.id,
      kind: row.kind as DocumentKind,
      recordId: row.record_id,
      printerId: row.printer_id,
      printerName: printer?.name ?? null,
      status: row.status as PrintJobView['status'],
      attempts: row.attempts,
      error: row.status === 'failed' && code ? { code, message: PRINT_ERROR_MESSAGES[code] } : null,
      copyOf: row.copy_of,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      printedAt: row.printed_at,
      retryable: row.status === 'failed',
    };
  }

  async function recent(limit: number): Promise<JobRow[]> {
    return db.selectFrom('print_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  return { create, get, claim, finish, failUnclaimed, recoverInterrupted, toView, recent };
}

export type PrintQueue = ReturnType<typeof createPrintQueue>;
