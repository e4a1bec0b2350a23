/**
 * The printing channels through the real router: printers and defaults, test print, print a saved
 * record by kind through its registered source, reprint, job status and retry, and the printer
 * state shown in the status bar (`app:info`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createCore } from '../../main/core/create-core';
import { call, createTestCore } from '../support/test-core';
import { sampleRequests } from './printing-support/fixtures';
import { startFakePrinter } from './printing-support/tcp-printer';
import { decodeEscPos } from './printing-support/decode-escpos';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function ok<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

describe('printing: channels', () => {
  it('configures a printer, prints a record by kind, reprints, and reports state in app:info', async () => {
    const core = await createTestCore();
    cleanups.push(() => core.dispose());
    const printer = await startFakePrinter();
    cleanups.push(() => printer.close());

    const before = ok<{ printer: { state: string } }>(await call(core, 'app:info', {}));
    expect(before.printer.state).toBe('not-configured');

    const bad = await call(core, 'printing:savePrinter', { printer: { name: 'x', interface: 'tcp', address: '192.168.1.5', paper: '80mm' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.fields?.[0]?.message.ar).toContain('tcp://');
    }
    const wrongPaper = await call(core, 'printing:savePrinter', { printer: { name: 'x', interface: 'os', address: 'HP', paper: '80mm' } });
    expect(wrongPaper.ok).toBe(false);

    const saved = ok<{ id: string }>(
      await call(core, 'printing:savePrinter', { printer: { name: 'الكاونتر ١', interface: 'tcp', address: `tcp://127.0.0.1:${printer.port}`, paper: '80mm', type: 'epson' } }),
    );
    const state = ok<{ defaults: Record<string, string | null>; printers: { defaultFor: string[] }[] }>(
      await call(core, 'printing:setDefault', { kind: 'request-receipt', printerId: saved.id }),
    );
    expect(state.defaults['request-receipt']).toBe(saved.id);
    expect(state.printers[0]!.defaultFor).toEqual(['request-receipt']);

    const test = ok<{ status: string; kind: string }>(await call(core, 'printing:testPrint', { printerId: saved.id }));
    expect(test).toMatchObject({ status: 'printed', kind: 'test-page' });
    expect(decodeEscPos(printer.jobs[0]!).width).toBe(576);

    // No source registered yet for the kind: a clear "not found", nothing printed.
    const unknown = await call(core, 'printing:print', { kind: 'request-receipt', recordId: 'REQ-1' });
    expect(unknown.ok).toBe(false);

    // The walk-in domain registers where a request receipt's data comes from.
    const request = sampleRequests()['request-receipt'];
    core.printing.sources.register('request-receipt', async (recordId) => (recordId === 'REQ-1' ? (request.data as never) : null));
    const job = ok<{ id: string; status: string; printerName: string; recordId: string }>(
      await call(core, 'printing:print', { kind: 'request-receipt', recordId: 'REQ-1' }),
    );
    expect(job).toMatchObject({ status: 'printed', printerName: 'الكاونتر ١', recordId: 'REQ-1' });

    const copy = ok<{ copyOf: string; status: string }>(await call(core, 'printing:reprint', { jobId: job.id }));
    expect(copy).toMatchObject({ copyOf: job.id, status: 'printed' });
    expect(printer.jobs).toHaveLength(3);

    const listed = ok<{ id: string }[]>(await call(core, 'printing:jobs', { limit: 10 }));
    expect(listed).toHaveLength(3);
    const status = ok<{ status: string; attempts: number }>(await call(core, 'printing:job', { jobId: job.id }));
    expect(status).toMatchObject({ status: 'printed', attempts: 1 });
    // Retrying a printed job sends nothing.
    ok(await call(core, 'printing:retry', { jobId: job.id }));
    expect(printer.jobs).toHaveLength(3);

    const after = ok<{ printer: { state: string } }>(await call(core, 'app:info', {}));
    expect(after.printer.state).toBe('configured');

    await printer.close();
    const failed = ok<{ status: string; error: { code: string } }>(await call(core, 'printing:testPrint', { printerId: saved.id }));
    expect(failed.status).toBe('failed');
    const info = ok<{ printer: { state: string; lastError: { ar: string } } }>(await call(core, 'app:info', {}));
    expect(info.printer.state).toBe('error');
    expect(info.printer.lastError.ar.length).toBeGreaterThan(10);

    const audit = await core.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'print_jobs').execute();
    expect(audit.filter((a) => a.action === 'print')).toHaveLength(4);
  });

  it('removes a printer and its defaults', async () => {
    const core = await createTestCore();
    cleanups.push(() => core.dispose());
    const saved = ok<{ id: string }>(await call(core, 'printing:savePrinter', { printer: { name: 'A4', interface: 'os', address: 'HP LaserJet', paper: 'A4' } }));
    ok(await call(core, 'printing:setDefault', { kind: 'declaration', printerId: saved.id }));
    expect(ok<{ removed: boolean }>(await call(core, 'printing:removePrinter', { id: saved.id })).removed).toBe(true);
    const state = ok<{ printers: unknown[]; defaults: Record<string, string | null> }>(await call(core, 'printing:printers', {}));
    expect(state.printers).toHaveLength(0);
    expect(state.defaults.declaration).toBeNull();
  });

  it('an OS printer outside the desktop app says so instead of failing silently', async () => {
    const core = await createTestCore();
    cleanups.push(() => core.dispose());
    const saved = ok<{ id: string }>(await call(core, 'printing:savePrinter', { printer: { name: 'A4', interface: 'os', address: 'HP LaserJet', paper: 'A4' } }));
    const job = ok<{ status: string; error: { code: string; message: { en: string } } }>(await call(core, 'printing:testPrint', { printerId: saved.id }));
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('unavailable');
  });

  it('after a crash mid-print, the job is failed (interrupted) for a person to decide, never resent by itself', async () => {
    const core = await createTestCore();
    const file = join(core.dir, 'istiqbal.sqlite');
    const session = core.sessions.current()!;
    const actor = { userId: session.user.id, counterId: session.counter.id, counterCode: session.counter.code };
    const job = await core.printing.print(actor, { ...sampleRequests()['queue-ticket'] }); // no printer: failed, saved
    await core.db.updateTable('print_jobs').set({ status: 'sending' }).where('id', '=', job.id).execute(); // as if the app died here
    await core.close();
    const again = await createCore({ databaseFile: file });
    cleanups.push(async () => {
      await again.close();
      await core.dispose().catch(() => undefined);
    });
    const row = await again.db.selectFrom('print_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', error_code: 'interrupted' });
  });
});
