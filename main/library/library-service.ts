/**
 * The reference library: an administrator uploads a policy document as a PDF; a new upload of the
 * same document becomes its current version and the older ones are kept. The file goes to the
 * attachments store under its SHA-256 (and into `attachments`, so clean-ups see it in use); its
 * text is read per page at upload and stored normalised, so a question at the counter finds the
 * page that answers it. Every write is one transaction with its audit entry.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { normaliseArabic } from '../../shared/text/arabic-normalise';
import type { LibraryAddVersion, LibraryCreate, LibraryDocumentDetail, LibraryDocumentView, LibraryHit, LibraryOpened, LibraryVersionView } from '../../shared/library/schemas';
import { appendAudit } from '../audit/append-audit';
import type { AttachmentStore, StoredFile } from '../attachments/attachment-store';
import { decodeBase64Strict, displayFileName } from '../attachments/attachment-store';
import { extractPdfPages } from './pdf-text';
import { snippetAround } from './snippet';

export const LIBRARY_ERRORS = {
  pdfOnly: { ar: 'مستندات المكتبة ملفات PDF فقط.', en: 'Library documents must be PDF files.' },
  emptyQuery: { ar: 'اكتب كلمة للبحث.', en: 'Type a word to search for.' },
};

export interface LibraryServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  files: AttachmentStore;
}

interface Prepared {
  stored: StoredFile;
  fileName: string;
  pages: string[];
}

export function createLibraryService({ db, clock, newId, files }: LibraryServiceDeps) {
  /** Checked, stored and read before any transaction: a bad file changes nothing. */
  async function prepare(fileName: string, dataBase64: string): Promise<Prepared> {
    const bytes = decodeBase64Strict(dataBase64);
    const stored = files.put(bytes);
    if (stored.mime !== 'application/pdf') throw new AppError('VALIDATION', LIBRARY_ERRORS.pdfOnly);
    const pages = await extractPdfPages(bytes);
    return { stored, fileName: displayFileName(fileName), pages };
  }

  /**
   * A document's versions, newest first, numbered 1… in (created_at, id) order: the number is
   * derived, not stored (migration 0016), so two counters that each added "version 2" offline
   * show the same two distinct numbers everywhere after the sync. Every version row counts,
   * hidden ones too, so a number once shown does not move to another file.
   */
  async function versions(documentId: string, currentId: string): Promise<LibraryVersionView[]> {
    const rows = await db
      .selectFrom('library_versions as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select(['v.id', 'v.document_id', 'v.file_name', 'v.size', 'v.sha256', 'v.page_count', 'v.note', 'v.created_at', 'v.deleted_at', 'u.display_name'])
      .select(sql<number>`row_number() OVER (ORDER BY v.created_at, v.id)`.as('number'))
      .where('v.document_id', '=', documentId)
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .execute();
    return rows
      .filter((v) => v.deleted_at === null)
      .map((v) => ({
        id: v.id,
        documentId: v.document_id,
        versionNo: Number(v.number),
        fileName: v.file_name,
        size: v.size,
        sha256: v.sha256,
        pageCount: v.page_count,
        note: v.note,
        current: v.id === currentId,
        createdAt: v.created_at,
        createdByName: v.display_name ?? '',
      }));
  }

  async function detail(id: string): Promise<LibraryDocumentDetail> {
    const doc = await db.selectFrom('library_documents').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!doc) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    const all = await versions(id, doc.current_version_id);
    const current = all.find((v) => v.current);
    if (!current) throw new AppError('INTERNAL', GENERIC_MESSAGES.NOT_FOUND);
    return {
      id: doc.id,
      title: doc.title,
      description: doc.description,
      retired: doc.retired_at !== null,
      current,
      versionCount: all.length,
      updatedAt: doc.updated_at,
      versions: all,
    };
  }

  return {
    async list(includeRetired: boolean): Promise<LibraryDocumentView[]> {
      let q = db.selectFrom('library_documents').select('id').where('deleted_at', 'is', null);
      if (!includeRetired) q = q.where('retired_at', 'is', null);
      const ids = await q.orderBy('title').execute();
      const out: LibraryDocumentView[] = [];
      for (const { id } of ids) {
        const d = await detail(id);
        out.push({ id: d.id, title: d.title, description: d.description, retired: d.retired, current: d.current, versionCount: d.versionCount, updatedAt: d.updatedAt });
      }
      return out;
    },

    get: detail,

    async open(versionId: string): Promise<LibraryOpened> {
      const row = await db
        .selectFrom('library_versions as v')
        .innerJoin('library_documents as d', 'd.id', 'v.document_id')
        .select(['v.id', 'v.document_id', 'v.file_name', 'v.page_count', 'v.sha256', 'd.title'])
        .where('v.id', '=', versionId)
        .where('v.deleted_at', 'is', null)
        .where('d.deleted_at', 'is', null)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
      return {
        versionId: row.id,
        documentId: row.document_id,
        title: row.title,
        versionNo: (await versions(row.document_id, '')).find((v) => v.id === row.id)!.versionNo, // one numbering rule
        fileName: row.file_name,
        pageCount: row.page_count,
        dataBase64: files.get(row.sha256).toString('base64'),
      };
    },

    /**
     * Titles and page text of each current, not retired document; every word of the query must
     * appear (normalised as the registry does: hamza forms, taa marbuta, diacritics, digits).
     */
    async search(query: string, limit: number): Promise<LibraryHit[]> {
      const words = normaliseArabic(query).split(' ').filter(Boolean);
      if (words.length === 0) return [];
      const titleRows = await db
        .selectFrom('library_documents')
        .select(['id', 'title', 'current_version_id'])
        .where('deleted_at', 'is', null)
        .where('retired_at', 'is', null)
        .where((eb) => eb.and(words.map((w) => eb('title_norm', 'like', `%${w}%`))))
        .orderBy('title')
        .execute();
      const pageRows = await db
        .selectFrom('library_pages as p')
        .innerJoin('library_documents as d', 'd.current_version_id', 'p.version_id')
        .select(['d.id as document_id', 'd.title', 'p.version_id', 'p.page_no', 'p.text'])
        .where('d.deleted_at', 'is', null)
        .where('d.retired_at', 'is', null)
        .where('p.deleted_at', 'is', null)
        .where((eb) => eb.and(words.map((w) => eb('p.text_norm', 'like', `%${w}%`))))
        .orderBy('d.title')
        .orderBy('p.page_no')
        .limit(limit)
        .execute();
      const hits: LibraryHit[] = [
        ...titleRows.map((d) => ({ documentId: d.id, versionId: d.current_version_id, title: d.title, page: 0, snippet: d.title })),
        ...pageRows.map((p) => ({ documentId: p.document_id, versionId: p.version_id, title: p.title, page: p.page_no, snippet: snippetAround(p.text, words) })),
      ];
      return hits.slice(0, limit);
    },

    async create(actor: Actor, input: LibraryCreate): Promise<LibraryDocumentDetail> {
      const prepared = await prepare(input.fileName, input.dataBase64);
      const now = clock.now();
      const at = now.toISOString();
      const documentId = newId();
      const versionId = newId();
      await db.transaction().execute(async (trx) => {
        const doc = {
          id: documentId,
          title: input.title,
          title_norm: normaliseArabic(input.title),
          description: input.description,
          current_version_id: versionId,
          retired_at: null,
          retired_by: null,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
        };
        // The document names its current version; foreign keys are checked per statement, so the
        // document goes first and the version (which points back at it) right after.
        await trx.insertInto('library_documents').values(doc).execute();
        const version = await writeVersion(trx, actor, documentId, versionId, 1, prepared, null, at);
        await appendAudit(trx, actor, { action: 'create', entity: 'library_document', entityId: documentId, after: { ...doc, version } }, newId(), now);
      });
      return detail(documentId);
    },

    async addVersion(actor: Actor, input: LibraryAddVersion): Promise<LibraryDocumentDetail> {
      const prepared = await prepare(input.fileName, input.dataBase64);
      const now = clock.now();
      const at = now.toISOString();
      const versionId = newId();
      await db.transaction().execute(async (trx) => {
        const doc = await trx.selectFrom('library_documents').selectAll().where('id', '=', input.documentId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!doc) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        // The number this counter gives it now, kept on the row for the record; the number shown is
        // derived from the order of all versions (versions()), which another counter's upload of the
        // same document may join before this one after a sync.
        const last = await trx.selectFrom('library_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', doc.id).executeTakeFirst();
        const version = await writeVersion(trx, actor, doc.id, versionId, Number(last?.n ?? 0) + 1, prepared, input.note, at);
        await trx.updateTable('library_documents').set({ current_version_id: versionId, updated_at: at }).where('id', '=', doc.id).execute();
        await appendAudit(
          trx,
          actor,
          { action: 'update', entity: 'library_document', entityId: doc.id, before: { current_version_id: doc.current_version_id }, after: { current_version_id: versionId, version } },
          newId(),
          now,
        );
      });
      return detail(input.documentId);
    },

    /** Retired documents leave the list and the search but keep every version; `retired: false` brings one back. */
    async setRetired(actor: Actor, id: string, retired: boolean): Promise<LibraryDocumentDetail> {
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const doc = await trx.selectFrom('library_documents').select(['id', 'retired_at', 'retired_by']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!doc) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        const after = retired ? { retired_at: doc.retired_at ?? at, retired_by: doc.retired_by ?? actor.userId } : { retired_at: null, retired_by: null };
        await trx.updateTable('library_documents').set({ ...after, updated_at: at }).where('id', '=', id).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'library_document', entityId: id, before: { retired_at: doc.retired_at, retired_by: doc.retired_by }, after }, newId(), now);
      });
      return detail(id);
    },
  };

  /** Inside the caller's transaction: the version row, its `attachments` row and its pages. */
  async function writeVersion(
    trx: Transaction<Database>,
    actor: Actor,
    documentId: string,
    versionId: string,
    versionNo: number,
    prepared: Prepared,
    note: string | null,
    at: string,
  ) {
    const common = { created_at: at, updated_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null };
    const attachmentId = newId();
    const { stored, fileName, pages } = prepared;
    await trx
      .insertInto('attachments')
      .values({ id: attachmentId, owner_kind: 'library_version', owner_id: versionId, sha256: stored.sha256, mime: stored.mime, size: stored.size, file_name: fileName, ...common })
      .execute();
    const version = { id: versionId, document_id: documentId, version_no: versionNo, attachment_id: attachmentId, sha256: stored.sha256, file_name: fileName, size: stored.size, page_count: pages.length, note, ...common };
    await trx.insertInto('library_versions').values(version).execute();
    for (const [i, text] of pages.entries()) {
      await trx
        .insertInto('library_pages')
        .values({ id: newId(), version_id: versionId, page_no: i + 1, text, text_norm: normaliseArabic(text), ...common })
        .execute();
    }
    return version;
  }
}

export type LibraryService = ReturnType<typeof createLibraryService>;
