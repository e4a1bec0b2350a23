/**
 * A network receipt printer on 127.0.0.1 for tests: it answers the paper status request and keeps
 * every job's bytes. It can be out of paper, or drop the connection part way through a job.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface FakePrinterOptions {
  paper?: 'ok' | 'end';
  /** Drops the connection (reset) once this many bytes of the job have arrived. */
  dropAfterBytes?: number | null;
}

export interface FakePrinter {
  port: number;
  /** Complete jobs (the client closed normally), status request removed. */
  jobs: Buffer[];
  /** Jobs cut short by `dropAfterBytes`. */
  partial: Buffer[];
  options: FakePrinterOptions;
  close(): Promise<void>;
}

const STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);

export async function startFakePrinter(options: FakePrinterOptions = {}, port = 0): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
  const partial: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let data = Buffer.alloc(0);
    let dropped = false;
    socket.on('data', (chunk: Buffer) => {
      if (dropped) return;
      data = Buffer.concat([data, chunk]);
      if (data.subarray(0, 3).equals(STATUS_REQUEST)) {
        data = data.subarray(3);
        // Paper sensor status: 0x12 = roll present; 0x72 = roll end (bits 5 and 6).
        socket.write(Buffer.from([printer.options.paper === 'end' ? 0x72 : 0x12]));
      }
      const limit = printer.options.dropAfterBytes;
      if (limit != null && data.length >= limit) {
        dropped = true;
        partial.push(data);
        socket.resetAndDestroy();
      }
    });
    socket.on('end', () => {
      if (dropped) return;
      if (data.length > 0) jobs.push(data); // a status query alone prints nothing
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const printer: FakePrinter = {
    port: typeof address === 'object' && address ? address.port : port,
    jobs,
    partial,
    options,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return printer;
}
