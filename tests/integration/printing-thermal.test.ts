/**
 * Thermal printing end to end: the real core prints to a network printer on 127.0.0.1 that keeps
 * the ESC/POS bytes; the test decodes the raster back into a picture and compares it with the
 * receipt rendered from the same document model. Failures: offline, out of paper, a printer that
 * drops the connection mid-job, a missing device — each reported, retried, never printed twice.
 */
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../shared/printing/documents/index';
import { renderRaster } from '../../main/printing/raster-renderer';
import { loadPrintFonts } from '../../main/printing/print-fonts';
import type { Actor } from '../../main/core/actor';
import { call, createTestCore } from '../support/test-core';
import { decodeEscPos, decodeStar, type DecodedJob } from './printing-support/decode-escpos';
import { sampleRequests } from './printing-support/fixtures';
import { startFakePrinter } from './printing-support/tcp-printer';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
const FIXED_NOW = new Date('2026-11-30T10:15:00+03:00');

type TestCore = Awaited<ReturnType<typeof createTestCore>>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  loadPrintFonts(); // fails early with a clear message when `npm run build` has not copied the fonts
});

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(options: { autoRetryDelaysMs?: number[] } = {}) {
  const core: TestCore = await createTestCore({ clock: { now: () => FIXED_NOW } });
  cleanups.push(() => core.dispose());
  // Short automatic retries for the test; the app's default waits seconds.
  const printing = (await import('../../main/printing/printing-service')).createPrintingService({
    db: core.db,
    clock: core.clock,
    newId: core.newId,
    autoRetryDelaysMs: options.autoRetryDelaysMs ?? [],
    tcpOptions: { connectTimeoutMs: 1000, closeGraceMs: 1000 },
  });
  cleanups.push(() => printing.close());
  const session = core.sessions.current()!;
  const actor: Actor = { userId: session.user.id, counterId: session.counter.id, counterCode: session.counter.code };
  return { core, printing, actor };
}

function toPng(job: DecodedJob): Buffer {
  const canvas = createCanvas(job.width, job.height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(job.width, job.height);
  for (let i = 0; i < job.dots.length; i++) {
    const v = job.dots[i] ? 0 : 255;
    img.data.set([v, v, v, 255], i * 4);
  }
  ctx.putImageData(img, 0, 0);
  return canvas.encodeSync('png');
}

async function expectedDots(request: ReturnType<typeof sampleRequests>[keyof ReturnType<typeof sampleRequests>], width: 576 | 384, reprintedAt?: Date) {
  const image = await renderRaster(buildDocument(request, { reprintedAt }), width);
  const dots = new Uint8Array(image.width * image.height);
  for (let i = 0; i < dots.length; i++) {
    const [r, g, b, a] = [image.rgba[i * 4]!, image.rgba[i * 4 + 1]!, image.rgba[i * 4 + 2]!, image.rgba[i * 4 + 3]!];
    dots[i] = a > 126 && Math.trunc(0.2126 * r + 0.7152 * g + 0.0722 * b) < 128 ? 1 : 0;
  }
  return { width: image.width, height: image.height, dots };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function addPrinter(core: TestCore, port: number, paper: '80mm' | '58mm' = '80mm', type: 'epson' | 'star' = 'epson') {
  const saved = await call(core, 'printing:savePrinter', {
    printer: { name: 'طابعة الكاونتر', interface: 'tcp', address: `tcp://127.0.0.1:${port}`, paper, type },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return (saved.value as { id: string }).id;
}

describe('thermal receipts over TCP', () => {
  it('prints every document as a 576-dot raster in bands of ≤256 rows with a cut, matching the rendered receipt', async () => {
    const { core, printing, actor } = await setup();
    const printer = await startFakePrinter();
    cleanups.push(() => printer.close());
    const printerId = await addPrinter(core, printer.port);
    const requests = sampleRequests();
    for (const request of Object.values(requests)) {
      const job = await printing.print(actor, { ...request, recordId: `rec-${request.kind}`, printerId });
      expect(job.status, `${request.kind}: ${JSON.stringify(job.error)}`).toBe('printed');
      expect(job.attempts).toBe(1);
      const decoded = decodeEscPos(printer.jobs.at(-1)!);
      expect(decoded.initialised).toBe(true);
      expect(decoded.width).toBe(576);
      expect(decoded.cutAfterImage).toBe(true);
      expect(Math.max(...decoded.bands)).toBeLessThanOrEqual(256);
      const black = decoded.dots.reduce((a, b) => a + b, 0);
      expect(black / decoded.dots.length).toBeGreaterThan(0.02); // ink on paper, not a blank strip
      const expected = await expectedDots(request, 576);
      expect(decoded.height).toBe(expected.height);
      expect(Buffer.from(decoded.dots).equals(Buffer.from(expected.dots))).toBe(true);
      writeFileSync(join(ARTIFACTS, `printing-thermal-${request.kind}.png`), toPng(decoded));
    }
    expect(printer.jobs).toHaveLength(Object.keys(requests).length);
  });

  it('prints 58 mm receipts 384 dots wide, and a reprint marked "نسخة" from the stored job', async () => {
    const { core, printing, actor } = await setup();
    const printer = await startFakePrinter();
    cleanups.push(() => printer.close());
    const printerId = await addPrinter(core, printer.port, '58mm');
    const request = sampleRequests()['request-receipt'];
    const first = await printing.print(actor, { ...request, recordId: 'req-1', printerId });
    expect(first.status).toBe('printed');
    expect(decodeEscPos(printer.jobs[0]!).width).toBe(384);

    const copy = await printing.reprint(actor, first.id);
    expect(copy.status).toBe('printed');
    expect(copy.copyOf).toBe(first.id);
    const decoded = decodeEscPos(printer.jobs[1]!);
    const expected = await expectedDots(request, 384, FIXED_NOW);
    expect(Buffer.from(decoded.dots).equals(Buffer.from(expected.dots))).toBe(true);
    // The copy carries the marking, so it is taller than the original.
    expect(decoded.height).toBeGreaterThan(decodeEscPos(printer.jobs[0]!).height);
    writeFileSync(join(ARTIFACTS, 'printing-thermal-58mm-reprint.png'), toPng(decoded));
  });
});

describe('Star printers', () => {
  it('get Star bit-image stripes (no Epson status query) that decode to the same receipt, and a cut', async () => {
    const { core, printing, actor } = await setup();
    const printer = await startFakePrinter();
    cleanups.push(() => printer.close());
    const printerId = await addPrinter(core, printer.port, '80mm', 'star');
    const request = sampleRequests()['queue-ticket'];
    const job = await printing.print(actor, { ...request, printerId });
    expect(job.status).toBe('printed');
    const bytes = printer.jobs[0]!;
    expect(bytes.includes(Buffer.from([0x10, 0x04, 0x04]))).toBe(false);
    const decoded = decodeStar(bytes);
    const expected = await expectedDots(request, 576);
    expect(decoded.width).toBe(576);
    expect(decoded.cutAfterImage).toBe(true);
    // Stripes are 24 rows: the receipt, then white up to the stripe's end.
    expect(Buffer.from(decoded.dots.subarray(0, expected.dots.length)).equals(Buffer.from(expected.dots))).toBe(true);
    expect(decoded.dots.subarray(expected.dots.length).every((d) => d === 0)).toBe(true);
  });
});

describe('printer problems', () => {
  it('offline printer: job saved and reported; the automatic retry prints it once when the printer is back', async () => {
    const { core, printing, actor } = await setup({ autoRetryDelaysMs: [300, 300] });
    const port = await freePort();
    const printerId = await addPrinter(core, port);
    const job = await printing.print(actor, { ...sampleRequests()['queue-ticket'], recordId: 'ticket-1', printerId });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('offline');
    expect(job.error?.message.ar).toContain('غير متصلة');
    expect(job.error?.message.en).toContain('offline');
    expect(job.retryable).toBe(true);
    const row = await core.db.selectFrom('print_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.data_json).ticketNumber).toBe('A-042'); // the record it prints is kept

    const printer = await startFakePrinter({}, port); // the printer comes back
    cleanups.push(() => printer.close());
    await new Promise((r) => setTimeout(r, 400));
    await printing.idle();
    // A person presses Retry at the same moment: the job is already printed, nothing more is sent.
    const after = await printing.retry(job.id);
    await printing.idle();
    await new Promise((r) => setTimeout(r, 400));
    await printing.idle();
    expect(after.status).toBe('printed');
    expect(printer.jobs).toHaveLength(1);
    expect(after.attempts).toBe(2);
  });

  it('out of paper: reported with a clear message before anything is printed', async () => {
    const { core, printing, actor } = await setup();
    const printer = await startFakePrinter({ paper: 'end' });
    cleanups.push(() => printer.close());
    const printerId = await addPrinter(core, printer.port);
    const job = await printing.print(actor, { ...sampleRequests()['request-receipt'], printerId });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('out-of-paper');
    expect(job.error?.message.ar).toContain('نفد الورق');
    expect(printer.jobs).toHaveLength(0);
    printer.options.paper = 'ok'; // a new roll
    const retried = await printing.retry(job.id);
    expect(retried.status).toBe('printed');
    expect(printer.jobs).toHaveLength(1);
  });

  it('a printer that drops the connection mid-job: interrupted, no automatic retry, one full copy on Retry', async () => {
    const { core, printing, actor } = await setup({ autoRetryDelaysMs: [100, 100] });
    const printer = await startFakePrinter({ dropAfterBytes: 20_000 });
    cleanups.push(() => printer.close());
    const printerId = await addPrinter(core, printer.port);
    const job = await printing.print(actor, { ...sampleRequests()['request-receipt'], printerId });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('interrupted');
    expect(job.error?.message.en).toContain('disconnected');
    expect(printer.partial).toHaveLength(1);
    // Something may be on paper: the queue must not resend by itself.
    await new Promise((r) => setTimeout(r, 400));
    await printing.idle();
    expect(printer.jobs).toHaveLength(0);
    expect((await printing.job(job.id)).attempts).toBe(1);

    printer.options.dropAfterBytes = null;
    const [a, b] = await Promise.all([printing.retry(job.id), printing.retry(job.id)]); // a double click
    expect([a.status, b.status]).toContain('printed');
    await printing.idle();
    expect(printer.jobs).toHaveLength(1);
    const decoded = decodeEscPos(printer.jobs[0]!);
    expect(decoded.cutAfterImage).toBe(true);
    expect((await printing.job(job.id)).attempts).toBe(2);
  });

  it('a missing device path and a job with no printer are reported, and the record is kept', async () => {
    const { core, printing, actor } = await setup();
    const saved = await call(core, 'printing:savePrinter', {
      printer: { name: 'USB', interface: 'device', address: join(core.dir, 'no-such-device'), paper: '80mm', type: 'epson' },
    });
    expect(saved.ok).toBe(true);
    const id = (saved as { value: { id: string } }).value.id;
    const missing = await printing.print(actor, { ...sampleRequests()['letter-receipt'], printerId: id });
    expect(missing.error?.code).toBe('missing');

    const none = await printing.print(actor, { ...sampleRequests()['letter-receipt'], recordId: 'letter-9' });
    expect(none.status).toBe('failed');
    expect(none.error?.code).toBe('no-printer');
    const jobs = await core.db.selectFrom('print_jobs').select(['id', 'record_id']).execute();
    expect(jobs.map((j) => j.record_id)).toContain('letter-9');
  });

  it('a device path that exists receives the bytes in one write', async () => {
    const { core, printing, actor } = await setup();
    const device = join(core.dir, 'lp0');
    writeFileSync(device, '');
    const saved = await call(core, 'printing:savePrinter', { printer: { name: 'USB', interface: 'device', address: device, paper: '80mm', type: 'epson' } });
    const id = (saved as { value: { id: string } }).value.id;
    const job = await printing.print(actor, { ...sampleRequests()['queue-ticket'], printerId: id });
    expect(job.status).toBe('printed');
    const { readFileSync } = await import('node:fs');
    const decoded = decodeEscPos(readFileSync(device));
    expect(decoded.width).toBe(576);
    expect(decoded.cutAfterImage).toBe(true);
  });
});
