/**
 * The letters register. A letter and its reference number are written in one transaction with
 * the audit entry; an outgoing letter that answers an incoming one marks it answered in the same
 * transaction. The reply chain is the whole thread, read by walking `in_reply_to` both ways.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import {
  DEFAULT_LETTER_REFERENCE,
  LETTER_SEQUENCE_KINDS,
  formatLetterReference,
  letterReferenceSettings,
  stripDirectionMarks,
  type LetterReferenceSettings,
} from '../../shared/letters/reference-pattern';
import type { AttachmentView, LetterData, LetterDetail, LetterStatus, LetterView } from '../../shared/letters/schemas';
import { formatGregorian, formatHijri } from '../../shared/dates/calendars';
import { normaliseArabic } from '../../shared/text/arabic-normalise';
import { toLatinDigits } from '../../shared/text/digits';
import { allocateSequence } from '../references/allocate-reference';
import { appendAudit } from '../audit/append-audit';
import { fullNameOf } from '../beneficiaries/beneficiary-rows';
import { readJsonSetting, writeJsonSetting } from '../calls/settings-json';
import { toCsv } from '../calls/csv';
import type { AttachmentStore } from '../attachments/attachment-store';
import { decodeBase64Strict, displayFileName } from '../attachments/attachment-store';

export const REFERENCE_SETTINGS_KEY = 'letters.reference';

const M = {
  replyKind: { ar: 'الرد على خطاب وارد يكون خطاباً صادراً، والعكس.', en: 'A reply to an incoming letter is an outgoing one, and the other way round.' },
  replyMissing: { ar: 'الخطاب المردود عليه غير موجود.', en: 'The letter being answered does not exist.' },
  noBeneficiary: { ar: 'المستفيد المحدد غير موجود.', en: 'The chosen beneficiary does not exist.' },
  stale: { ar: 'عدّل شخص آخر هذا الخطاب منذ فتحته. أعد فتحه.', en: 'Someone else changed this letter since you opened it. Reopen it.' },
  receiptKind: { ar: 'الإيصال للخطابات الواردة فقط.', en: 'Receipts are for incoming letters only.' },
};

export interface LetterServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  attachments: AttachmentStore;
}

export function createLetterService({ db, clock, newId, attachments }: LetterServiceDeps) {
  function baseQuery() {
    return db
      .selectFrom('letters as l')
      .leftJoin('beneficiaries as b', 'b.id', 'l.beneficiary_id')
      .leftJoin('users as u', 'u.id', 'l.created_by')
      .selectAll('l')
      .select((eb) => [
        'b.first_name',
        'b.father_name',
        'b.grandfather_name',
        'b.family_name',
        'u.display_name as creator_name',
        eb
          .selectFrom('attachments as a')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('a.owner_id', '=', 'l.id')
          .where('a.owner_kind', '=', 'letter')
          .where('a.deleted_at', 'is', null)
          .as('attachment_count'),
      ])
      .where('l.deleted_at', 'is', null);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

  function toView(r: Row): LetterView {
    return {
      id: r.id,
      reference: r.reference,
      kind: r.kind as LetterView['kind'],
      letterDate: r.letter_date,
      entity: r.entity,
      externalNumber: r.external_number,
      subject: r.subject,
      summary: r.summary,
      beneficiaryId: r.beneficiary_id,
      beneficiaryName: r.first_name ? fullNameOf({ first_name: r.first_name, father_name: r.father_name!, grandfather_name: r.grandfather_name!, family_name: r.family_name! }) : null,
      routedTo: r.routed_to,
      replyDue: r.reply_due,
      status: r.status as LetterStatus,
      inReplyToId: r.in_reply_to,
      attachmentCount: Number(r.attachment_count ?? 0),
      createdAt: r.created_at,
      createdByName: r.creator_name ?? '—',
      version: r.version,
    };
  }

  async function view(id: string): Promise<LetterView> {
    const row = await baseQuery().where('l.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return toView(row);
  }

  async function referenceSettings(): Promise<LetterReferenceSettings> {
    return readJsonSetting(db, REFERENCE_SETTINGS_KEY, letterReferenceSettings, DEFAULT_LETTER_REFERENCE);
  }

  async function listAttachments(letterId: string): Promise<AttachmentView[]> {
    const rows = await db
      .selectFrom('attachments')
      .selectAll()
      .where('owner_kind', '=', 'letter')
      .where('owner_id', '=', letterId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return rows.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime as AttachmentView['mime'], size: a.size, sha256: a.sha256, createdAt: a.created_at }));
  }

  /** The thread: up to its first letter, then every reply below it, depth-first by date. */
  async function chainOf(id: string): Promise<LetterDetail['chain']> {
    let rootId = id;
    for (let hops = 0; hops < 100; hops++) {
      const up = await db.selectFrom('letters').select('in_reply_to').where('id', '=', rootId).executeTakeFirst();
      if (!up?.in_reply_to) break;
      rootId = up.in_reply_to;
    }
    const out: LetterDetail['chain'] = [];
    const walk = async (letterId: string, depth: number) => {
      out.push({ ...(await view(letterId)), depth });
      const replies = await db.selectFrom('letters').select('id').where('in_reply_to', '=', letterId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
      for (const r of replies) if (out.length < 500) await walk(r.id, depth + 1);
    };
    await walk(rootId, 0);
    return out;
  }

  function searchQuery(input: { query: string; kind?: string | null; status?: string | null }) {
    let q = baseQuery();
    if (input.kind) q = q.where('l.kind', '=', input.kind);
    if (input.status) q = q.where('l.status', '=', input.status);
    const text = stripDirectionMarks(toLatinDigits(input.query)).trim();
    if (text) {
      const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const normal = `%${normaliseArabic(text)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('l.reference', 'like', like),
          eb('l.external_number', 'like', like),
          eb('l.search_text', 'like', normal),
          eb('l.subject', 'like', like),
          eb('l.entity', 'like', like),
          eb('l.routed_to', 'like', like),
        ]),
      );
    }
    return q.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc');
  }

  return {
    view,
    referenceSettings,

    async setReferenceSettings(actor: Actor, settings: LetterReferenceSettings): Promise<LetterReferenceSettings> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await readJsonSetting(trx, REFERENCE_SETTINGS_KEY, letterReferenceSettings, DEFAULT_LETTER_REFERENCE);
        await writeJsonSetting(trx, REFERENCE_SETTINGS_KEY, settings, now.toISOString());
        await appendAudit(trx, actor, { action: 'update', entity: 'setting', entityId: REFERENCE_SETTINGS_KEY, before, after: settings }, newId(), now);
        return settings;
      });
    },

    async create(actor: Actor, data: LetterData): Promise<LetterView> {
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      const settings = await referenceSettings();
      await db.transaction().execute(async (trx) => {
        if (data.inReplyToId) {
          const original = await trx.selectFrom('letters').select(['kind', 'status', 'version']).where('id', '=', data.inReplyToId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!original) throw new AppError('VALIDATION', M.replyMissing, [{ path: 'inReplyToId', message: M.replyMissing }]);
          if (original.kind === data.kind) throw new AppError('VALIDATION', M.replyKind, [{ path: 'kind', message: M.replyKind }]);
          // Answering an incoming letter marks it answered, unless it is already closed.
          if (original.kind === 'incoming' && data.kind === 'outgoing' && original.status !== 'closed' && original.status !== 'answered') {
            await trx
              .updateTable('letters')
              .set({ status: 'answered', version: original.version + 1, updated_at: at, updated_by: actor.userId })
              .where('id', '=', data.inReplyToId)
              .execute();
            await appendAudit(trx, actor, { action: 'update', entity: 'letter', entityId: data.inReplyToId, before: { status: original.status }, after: { status: 'answered', answeredBy: id } }, newId(), now);
          }
        }
        if (data.beneficiaryId) {
          const found = await trx.selectFrom('beneficiaries').select('id').where('id', '=', data.beneficiaryId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!found) throw new AppError('VALIDATION', M.noBeneficiary, [{ path: 'beneficiaryId', message: M.noBeneficiary }]);
        }
        const seq = await allocateSequence(trx, LETTER_SEQUENCE_KINDS[data.kind], actor.counterCode, now);
        const reference = formatLetterReference(settings, data.kind, seq.year, actor.counterCode, seq.value);
        const values = {
          id,
          reference,
          kind: data.kind,
          letter_date: data.letterDate!,
          entity: data.entity,
          external_number: data.externalNumber,
          subject: data.subject,
          summary: data.summary,
          beneficiary_id: data.beneficiaryId,
          routed_to: data.routedTo,
          reply_due: data.replyDue,
          status: data.routedTo ? 'routed' : 'registered',
          in_reply_to: data.inReplyToId,
          version: 1,
          created_at: at,
          updated_at: at,
          created_by: actor.userId,
          updated_by: actor.userId,
          counter_id: actor.counterId,
          deleted_at: null,
          search_text: normaliseArabic([data.subject, data.entity, data.summary ?? '', data.routedTo ?? ''].join(' ')),
        };
        await trx.insertInto('letters').values(values).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'letter', entityId: id, after: values }, newId(), now);
      });
      return view(id);
    },

    async update(actor: Actor, input: { id: string; version: number; status: LetterStatus; routedTo: string | null; replyDue: string | null }): Promise<LetterView> {
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('letters').select(['status', 'routed_to', 'reply_due', 'version']).where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        if (before.version !== input.version) throw new AppError('CONFLICT', M.stale);
        const after = { status: input.status, routed_to: input.routedTo, reply_due: input.replyDue };
        await trx.updateTable('letters').set({ ...after, version: before.version + 1, updated_at: at, updated_by: actor.userId }).where('id', '=', input.id).execute();
        await appendAudit(trx, actor, { action: 'update', entity: 'letter', entityId: input.id, before, after }, newId(), now);
      });
      return view(input.id);
    },

    async get(id: string): Promise<LetterDetail> {
      const letter = await view(id);
      return { letter, chain: await chainOf(id), attachments: await listAttachments(id) };
    },

    async search(input: { query: string; kind?: string | null; status?: string | null; limit: number }): Promise<LetterView[]> {
      const rows = await searchQuery(input).limit(input.limit).execute();
      return rows.map(toView);
    },

    async exportCsv(actor: Actor, input: { query: string; kind?: string | null; status?: string | null }) {
      const rows = (await searchQuery(input).limit(20000).execute()).map(toView);
      const hijri = (d: string) => formatHijri(new Date(`${d}T12:00:00Z`), 'ar');
      const csv = toCsv(
        ['الرقم المرجعي', 'النوع', 'التاريخ', 'التاريخ الهجري', 'الجهة', 'رقم الجهة', 'الموضوع', 'المستفيد', 'محال إلى', 'موعد الرد', 'الحالة', 'رداً على'],
        rows.map((l) => [
          l.reference,
          l.kind === 'incoming' ? 'وارد' : 'صادر',
          l.letterDate,
          hijri(l.letterDate),
          l.entity,
          l.externalNumber,
          l.subject,
          l.beneficiaryName,
          l.routedTo,
          l.replyDue,
          l.status,
          rows.find((x) => x.id === l.inReplyToId)?.reference ?? l.inReplyToId,
        ]),
      );
      const now = clock.now();
      await db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'export', entity: 'letter', entityId: null, after: { query: input.query, rows: rows.length } }, newId(), now));
      return { fileName: `letters-register-${now.toISOString().slice(0, 10)}.csv`, csv, rows: rows.length };
    },

    /** Checks and stores the bytes first (outside the transaction: the file is content-addressed). */
    async attach(actor: Actor, letterId: string, fileName: string, dataBase64: string): Promise<AttachmentView> {
      const stored = attachments.put(decodeBase64Strict(dataBase64));
      const now = clock.now();
      const at = now.toISOString();
      const id = newId();
      const name = displayFileName(fileName);
      await db.transaction().execute(async (trx) => {
        const letter = await trx.selectFrom('letters').select('id').where('id', '=', letterId).where('deleted_at', 'is', null).executeTakeFirst();
        if (!letter) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
        const values = { id, owner_kind: 'letter', owner_id: letterId, sha256: stored.sha256, mime: stored.mime, size: stored.size, file_name: name, created_at: at, updated_at: at, created_by: actor.userId, counter_id: actor.counterId, deleted_at: null };
        await trx.insertInto('attachments').values(values).execute();
        await appendAudit(trx, actor, { action: 'create', entity: 'attachment', entityId: id, after: values }, newId(), now);
      });
      return { id, fileName: name, mime: stored.mime, size: stored.size, sha256: stored.sha256, createdAt: at };
    },

    async preview(id: string) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
      const bytes = attachments.get(row.sha256);
      return { id, mime: row.mime as AttachmentView['mime'], dataBase64: bytes.toString('base64') };
    },

    async receipt(actor: Actor, id: string, organisation: string) {
      const letter = await view(id);
      if (letter.kind !== 'incoming') throw new AppError('VALIDATION', M.receiptKind);
      const counter = await db.selectFrom('counters').select('name').where('id', '=', actor.counterId).executeTakeFirst();
      const receivedAt = new Date(letter.createdAt);
      return {
        letterId: letter.id,
        reference: letter.reference,
        subject: letter.subject,
        entity: letter.entity,
        letterDate: letter.letterDate,
        receivedAt: letter.createdAt,
        receivedGregorian: formatGregorian(receivedAt, 'ar'),
        receivedHijri: formatHijri(receivedAt, 'ar'),
        receivedBy: letter.createdByName,
        counterName: counter?.name ?? actor.counterCode,
        organisation,
      };
    },
  };
}

export type LetterService = ReturnType<typeof createLetterService>;
