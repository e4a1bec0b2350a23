/**
 * Data-subject requests (access, correction, deletion) with the PDPL deadline: 30 days from
 * receipt, extendable once by 30 with a notice to the person. An access request's export is
 * written to the audit trail as an export in the same transaction that reads the data.
 */
import type { Selectable, Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { DataSubjectRequestsTable } from './privacy-tables';
import type { RequestView } from '../../shared/privacy/schemas';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { daysLeft, dsrDueAt } from '../../shared/privacy/deadlines';
import { appendAudit } from '../audit/append-audit';
import { collectSubjectData } from './subject-export';
import { anonymiseBeneficiary } from './anonymise';
import type { OrganisationHeader } from '../../shared/printing/document-data';
import { ORGANISATION_DEFAULTS } from '../setup/organisation-defaults';
import { renderPdf } from '../printing/pdf-renderer';
import { loadPrintFonts } from '../printing/print-fonts';
import { buildSubjectExportDocument } from './subject-export-document';
import { removeOrphanedFiles, type AttachmentFiles } from './remove-files';
import { checkpointNow } from '../db/checkpoint';

const MESSAGES = {
  alreadyExtended: { ar: 'مُدّدت مهلة هذا الطلب مرة من قبل؛ لا يُمدد مرتين.', en: 'This request was already extended once; it cannot be extended twice.' },
  closed: { ar: 'هذا الطلب مغلق.', en: 'This request is closed.' },
  notAccess: { ar: 'التصدير لطلبات الاطلاع فقط.', en: 'Exports are for access requests only.' },
  eraseNeedsAdmin: { ar: 'إتلاف بيانات المستفيد يتطلب مدير النظام.', en: 'Erasing a beneficiary’s data needs an administrator.' },
};

type Row = Selectable<DataSubjectRequestsTable> & { name?: string | null; reference?: string | null };

export interface DsrDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  /** The society's header for the PDF export (name, licence, logo); the defaults without it. */
  organisation?: () => Promise<OrganisationHeader>;
  fontsDir?: string;
  /** Where attachment files live, so an erasure can delete the person's scans. */
  attachmentFiles?: AttachmentFiles;
}

export function createDsrService({ db, clock, newId, organisation, fontsDir, attachmentFiles }: DsrDeps) {
  const toView = (r: Row): RequestView => {
    const now = clock.now();
    return {
      id: r.id,
      beneficiaryId: r.beneficiary_id,
      beneficiaryName: r.name ?? null,
      beneficiaryReference: r.reference ?? null,
      kind: r.kind as RequestView['kind'],
      details: r.details,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      extendedAt: r.extended_at,
      extensionNotice: r.extension_notice,
      status: r.status as RequestView['status'],
      closedAt: r.closed_at,
      outcome: r.outcome,
      overdue: r.status === 'open' && new Date(r.due_at) < now,
      daysLeft: daysLeft(new Date(r.due_at), now),
    };
  };
  const select = (trx: Db | Transaction<Database>) =>
    trx
      .selectFrom('data_subject_requests as r')
      .leftJoin('beneficiaries as b', 'b.id', 'r.beneficiary_id')
      .selectAll('r')
      .select((eb) => [eb.fn<string>('concat_ws', [eb.val(' '), 'b.first_name', 'b.father_name', 'b.family_name']).as('name'), 'b.reference as reference']);
  async function load(trx: Db | Transaction<Database>, id: string): Promise<Row> {
    const row = await select(trx).where('r.id', '=', id).where('r.deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return row;
  }

  /** Reads everything held about the person and logs the export, in one transaction. */
  async function exported(actor: Actor, id: string, format: 'json' | 'pdf') {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const row = await load(trx, id);
      if (row.kind !== 'access') throw new AppError('VALIDATION', MESSAGES.notAccess);
      const data = await collectSubjectData(trx, row.beneficiary_id, now.toISOString());
      const sections = Object.entries(data.sections).map(([table, rows]) => ({ table, rows: rows.length }));
      await appendAudit(trx, actor, { action: 'export', entity: 'data_subject_request', entityId: row.beneficiary_id, after: { requestId: id, format, sections } }, newId(), now);
      return { row, data, sections, now };
    });
  }
  const fileStem = (row: Row, now: Date) => `access-request-${row.reference ?? row.beneficiary_id}-${now.toISOString().slice(0, 10)}`;

  return {
    async list(openOnly: boolean): Promise<RequestView[]> {
      let q = select(db).where('r.deleted_at', 'is', null);
      if (openOnly) q = q.where('r.status', '=', 'open');
      return (await q.orderBy('r.due_at').execute()).map(toView);
    },

    async create(actor: Actor, input: { beneficiaryId: string; kind: string; details: string | null; receivedOn?: string | null }): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      const received = input.receivedOn ? new Date(`${input.receivedOn}T09:00:00+03:00`) : now;
      if (Number.isNaN(received.getTime()) || received > now) throw new AppError('VALIDATION', GENERIC_MESSAGES.VALIDATION, [{ path: 'receivedOn', message: { ar: 'التاريخ غير صحيح.', en: 'The date is not valid.' } }]);
      const id = newId();
      return db.transaction().execute(async (trx) => {
        const b = await trx.selectFrom('beneficiaries').select('id').where('id', '=', input.beneficiaryId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!b) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        await trx
          .insertInto('data_subject_requests')
          .values({
            id,
            beneficiary_id: input.beneficiaryId,
            kind: input.kind,
            details: input.details,
            received_at: received.toISOString(),
            due_at: dsrDueAt(received, false).toISOString(),
            extended_at: null,
            extension_notice: null,
            status: 'open',
            closed_at: null,
            outcome: null,
            created_at: at,
            updated_at: at,
            created_by: actor.userId,
            counter_id: actor.counterId,
            deleted_at: null,
          })
          .execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'data_subject_request', entityId: id, after: { beneficiaryId: input.beneficiaryId, kind: input.kind } }, newId(), now);
        return toView(await load(trx, id));
      });
    },

    async extend(actor: Actor, id: string, notice: string): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const row = await load(trx, id);
        if (row.status !== 'open') throw new AppError('CONFLICT', MESSAGES.closed);
        if (row.extended_at) throw new AppError('CONFLICT', MESSAGES.alreadyExtended);
        const due = dsrDueAt(new Date(row.received_at), true).toISOString();
        await trx.updateTable('data_subject_requests').set({ extended_at: at, extension_notice: notice, due_at: due, updated_at: at }).where('id', '=', id).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'data_subject_request', entityId: id, before: { dueAt: row.due_at }, after: { dueAt: due, extended: true } }, newId(), now);
        return toView(await load(trx, id));
      });
    },

    /** Closing a deletion request as completed erases (anonymises) the person's data in the same transaction. */
    async close(actor: Actor & { role?: string }, id: string, status: 'completed' | 'refused', outcome: string): Promise<RequestView> {
      const now = clock.now();
      const at = now.toISOString();
      let orphanedFiles: string[] = [];
      const view = await db.transaction().execute(async (trx) => {
        const row = await load(trx, id);
        if (row.status !== 'open') throw new AppError('CONFLICT', MESSAGES.closed);
        if (row.kind === 'deletion' && status === 'completed') {
          if (actor.role !== 'administrator') throw new AppError('FORBIDDEN', MESSAGES.eraseNeedsAdmin);
          ({ orphanedFiles } = await anonymiseBeneficiary(trx, actor, row.beneficiary_id, now, newId, `data_subject_request:${id}`));
        }
        await trx.updateTable('data_subject_requests').set({ status, outcome, closed_at: at, updated_at: at }).where('id', '=', id).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'data_subject_request', entityId: id, before: { status: 'open' }, after: { status } }, newId(), now);
        return toView(await load(trx, id));
      });
      removeOrphanedFiles(attachmentFiles, orphanedFiles);
      // The erased values leave the disk now, not at the next automatic checkpoint.
      if (view.kind === 'deletion' && status === 'completed') await checkpointNow(db);
      return view;
    },

    async exportAccess(actor: Actor, id: string) {
      const { row, data, sections, now } = await exported(actor, id, 'json');
      return { fileName: `${fileStem(row, now)}.json`, json: JSON.stringify(data, null, 2), sections };
    },

    /** The same export as an Arabic A4 PDF with the society's header, logged as an export too. */
    async exportAccessPdf(actor: Actor, id: string) {
      const { row, data, sections, now } = await exported(actor, id, 'pdf');
      const org = organisation ? await organisation() : { name: ORGANISATION_DEFAULTS.name, licence: ORGANISATION_DEFAULTS.licence, logoPng: null };
      const model = buildSubjectExportDocument({ organisation: org, data, person: { name: row.name ?? '—', reference: row.reference ?? null }, receivedAt: row.received_at });
      const bytes = await renderPdf(model, { paper: 'A4', author: org.name, fonts: loadPrintFonts(fontsDir), createdAt: now });
      return { fileName: `${fileStem(row, now)}.pdf`, mime: 'application/pdf' as const, base64: bytes.toString('base64'), sections };
    },
  };
}

export type DsrService = ReturnType<typeof createDsrService>;
