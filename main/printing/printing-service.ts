/**
 * The printing API other domains call:
 *
 *   const job = await core.printing.print(actor, { kind: 'request-receipt', data, recordId, printerId? });
 *   core.printing.sources.register('request-receipt', async (recordId, actor) => data | null);
 *   const pdf = await core.printing.pdf({ kind: 'declaration', data });        // bytes, e.g. to save
 *
 * Save your record BEFORE calling `print`: printing only records the job (committed before any
 * byte is sent) and reports the outcome; a printer problem never undoes anything.
 */
import { AppError, GENERIC_MESSAGES } from '../../shared/errors/app-error';
import { A4_DOCUMENTS, DOCUMENT_SCHEMAS, type DocumentKind, type DocumentRequest } from '../../shared/printing/document-kinds';
import type { OrganisationHeader } from '../../shared/printing/document-data';
import { buildDocument } from '../../shared/printing/documents/index';
import { NOTHING_SENT, PRINT_ERROR_MESSAGES, type PrintErrorCode } from '../../shared/printing/printer-errors';
import type { PrinterStatus, PrintJobView } from '../../shared/printing/schemas';
import { zodIssuesToFields } from '../ipc/router';
import type { Actor } from '../core/actor';
import type { Clock, IdGenerator } from '../core/clock';
import type { Db } from '../db/open-database';
import type { Logger } from '../core/logger';
import { ORGANISATION_DEFAULTS } from '../setup/organisation-defaults';
import { defaultLogoPng } from './default-logo';
import { createDocumentSources } from './document-sources';
import type { OsPrinter } from './os-printer';
import { renderPdf, type PdfPaper } from './pdf-renderer';
import { renderRaster } from './raster-renderer';
import { PrintFailure } from './print-failure';
import { loadPrintFonts } from './print-fonts';
import { createPrintQueue, type JobRow } from './print-queue';
import { createPrinterStore, type PrinterRow } from './printer-store';
import { sendDocument } from './send-document';
import type { TcpOptions } from './tcp-transport';

export interface PrintingDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  logger?: Logger;
  fontsDir?: string;
  /** The Electron shell's system printers; absent in tests, the CLI and the browser preview. */
  osPrinter?: OsPrinter | null;
  /** Delays of the automatic retries after a failure where nothing reached the printer. */
  autoRetryDelaysMs?: readonly number[];
  tcpOptions?: TcpOptions;
  /** The society's name and licence as set in settings; the defaults otherwise. */
  organisationProfile?: () => Promise<{ name: string; licence: string }>;
}

export type PrintRequest = DocumentRequest & { recordId?: string | null; printerId?: string | null };

export function createPrintingService(deps: PrintingDeps) {
  const { db, clock, newId } = deps;
  const printers = createPrinterStore({ db, clock, newId });
  const queue = createPrintQueue({ db, clock, newId });
  const sources = createDocumentSources();
  const retryDelays = deps.autoRetryDelaysMs ?? [2000, 10000];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let closed = false;
  const fonts = () => loadPrintFonts(deps.fontsDir);

  let profile: { name: string; licence: string } = ORGANISATION_DEFAULTS;
  /** Reads the society's profile from settings again (at start, and before printing a record). */
  async function refreshOrganisation(): Promise<void> {
    if (deps.organisationProfile) profile = await deps.organisationProfile();
  }

  /** The header other domains put in their document data: name, licence, logo (synchronous). */
  function organisation(): OrganisationHeader {
    return { name: profile.name, licence: profile.licence, logoPng: defaultLogoPng(deps.fontsDir) };
  }

  function checkData(kind: DocumentKind, data: unknown) {
    const parsed = DOCUMENT_SCHEMAS[kind].safeParse(data);
    if (!parsed.success) throw new AppError('VALIDATION', GENERIC_MESSAGES.VALIDATION, zodIssuesToFields(parsed.error));
    return { kind, data: parsed.data } as DocumentRequest;
  }

  function modelOf(row: JobRow) {
    const request = checkData(row.kind as DocumentKind, JSON.parse(row.data_json));
    return buildDocument(request, { reprintedAt: row.reprinted_at ? new Date(row.reprinted_at) : null });
  }

  async function resolvePrinter(row: JobRow): Promise<PrinterRow | undefined> {
    if (row.printer_id) {
      const chosen = await printers.get(row.printer_id);
      if (chosen) return chosen;
    }
    return printers.defaultFor(row.counter_id, row.kind as DocumentKind);
  }

  /** One attempt. Returns the failure code, or null when printed (or not ours to send). */
  async function attempt(jobId: string): Promise<PrintErrorCode | null> {
    const row = await queue.get(jobId);
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    const printer = await resolvePrinter(row);
    if (!printer) {
      const code = row.printer_id ? 'missing' : 'no-printer';
      await queue.failUnclaimed(jobId, code);
      return code;
    }
    const claimNo = await queue.claim(jobId, printer.id);
    if (claimNo === null) return null; // already sending or printed: never a second copy
    try {
      await sendDocument(modelOf(row), printer, { fonts, osPrinter: deps.osPrinter ?? null, author: ORGANISATION_DEFAULTS.name, tcpOptions: deps.tcpOptions });
      await queue.finish(jobId, claimNo, { ok: true });
      return null;
    } catch (error) {
      const failure = error instanceof PrintFailure ? error : new PrintFailure('failed', String(error));
      deps.logger?.warn({ jobId, code: failure.code, detail: failure.message.slice(0, 200) }, 'print attempt failed');
      await queue.finish(jobId, claimNo, { ok: false, code: failure.code });
      return failure.code;
    }
  }

  /**
   * Retries by itself only when nothing reached the printer (offline, no paper, not found); an
   * interrupted job may be half on paper and waits for a person.
   */
  function scheduleAutoRetry(jobId: string, code: PrintErrorCode | null, retryIndex: number): void {
    if (closed || code === null || !NOTHING_SENT.includes(code) || retryIndex >= retryDelays.length) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = (async () => {
        if (closed) return;
        const next = await attempt(jobId).catch(() => null);
        scheduleAutoRetry(jobId, next, retryIndex + 1);
      })();
      running.add(run);
      void run.finally(() => running.delete(run));
    }, retryDelays[retryIndex]);
    timers.add(timer);
  }

  async function runNow(jobId: string): Promise<PrintJobView> {
    const code = await attempt(jobId);
    scheduleAutoRetry(jobId, code, 0);
    return queue.toView((await queue.get(jobId))!);
  }

  async function print(actor: Actor, request: PrintRequest): Promise<PrintJobView> {
    const checked = checkData(request.kind, request.data);
    if (request.printerId && !(await printers.get(request.printerId))) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    const row = await queue.create(actor, { kind: checked.kind, recordId: request.recordId ?? null, printerId: request.printerId ?? null, data: checked.data });
    return runNow(row.id);
  }

  async function reprint(actor: Actor, jobId: string, printerId?: string | null): Promise<PrintJobView> {
    const original = await queue.get(jobId);
    if (!original) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    const row = await queue.create(actor, {
      kind: original.kind as DocumentKind,
      recordId: original.record_id,
      printerId: printerId ?? original.printer_id,
      data: JSON.parse(original.data_json),
      copyOf: original.copy_of ?? original.id,
      reprintedAt: clock.now(),
    });
    return runNow(row.id);
  }

  async function retry(jobId: string): Promise<PrintJobView> {
    const row = await queue.get(jobId);
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    if (row.status === 'failed') await attempt(jobId);
    return queue.toView((await queue.get(jobId))!);
  }

  async function testPrint(actor: Actor, printerId: string): Promise<PrintJobView> {
    const printer = await printers.get(printerId);
    if (!printer) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    await refreshOrganisation();
    return print(actor, {
      kind: 'test-page',
      data: { organisation: organisation(), printerName: printer.name, printedAt: clock.now().toISOString() },
      printerId,
    });
  }

  async function printRecord(actor: Actor, kind: DocumentKind, recordId: string, printerId?: string | null): Promise<PrintJobView> {
    await refreshOrganisation();
    const source = sources.get(kind);
    const data = source ? await source(recordId, actor) : null;
    if (!data) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND, undefined, { kind, recordId });
    return print(actor, { kind, data, recordId, printerId } as PrintRequest);
  }

  /** A document as PDF bytes (A4 for the declaration, A5 for receipts unless told). */
  async function pdf(request: DocumentRequest, options: { paper?: PdfPaper; reprintedAt?: Date | null } = {}): Promise<Buffer> {
    const checked = checkData(request.kind, request.data);
    const model = buildDocument(checked, { reprintedAt: options.reprintedAt ?? null });
    const paper = options.paper ?? (A4_DOCUMENTS.includes(checked.kind) ? 'A4' : 'A5');
    return renderPdf(model, { paper, author: ORGANISATION_DEFAULTS.name, fonts: fonts() });
  }

  async function status(): Promise<PrinterStatus> {
    if ((await printers.count()) === 0) return { state: 'not-configured', lastError: null };
    const last = (await queue.recent(1))[0];
    if (last?.status === 'failed' && last.error_code) {
      return { state: 'error', lastError: PRINT_ERROR_MESSAGES[last.error_code as PrintErrorCode] ?? PRINT_ERROR_MESSAGES.failed };
    }
    return { state: 'configured', lastError: null };
  }

  async function job(jobId: string): Promise<PrintJobView> {
    const row = await queue.get(jobId);
    if (!row) throw new AppError('NOT_FOUND', GENERIC_MESSAGES.NOT_FOUND);
    return queue.toView(row);
  }

  async function jobs(limit: number): Promise<PrintJobView[]> {
    return Promise.all((await queue.recent(limit)).map((r) => queue.toView(r)));
  }

  /**
   * Pays the fonts' first-use cost (parsing, shaping tables: about a second or two) ahead of the
   * first real print. Nothing is printed or stored.
   */
  async function warmUp(): Promise<void> {
    const sample = { organisation: organisation(), printerName: 'warm-up', printedAt: clock.now().toISOString() };
    const model = buildDocument({ kind: 'test-page', data: sample });
    await renderPdf(model, { paper: 'A5', author: ORGANISATION_DEFAULTS.name, fonts: fonts() });
    await renderRaster(model, 576, fonts());
  }

  /** Waits for automatic retries in flight (tests, shutdown). */
  async function idle(): Promise<void> {
    await Promise.all([...running]);
  }

  async function close(): Promise<void> {
    closed = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await idle();
  }

  return {
    printers,
    sources,
    organisation,
    print,
    printRecord,
    reprint,
    retry,
    testPrint,
    pdf,
    status,
    job,
    jobs,
    idle,
    close,
    warmUp,
    /** Call once at start, after settings exist: jobs left `sending` by a crash become failed (interrupted). */
    recover: async () => {
      await refreshOrganisation().catch(() => undefined);
      return queue.recoverInterrupted();
    },
  };
}

export type PrintingService = ReturnType<typeof createPrintingService>;
