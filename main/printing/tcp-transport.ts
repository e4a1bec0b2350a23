/**
 * Sends ESC/POS bytes to a network printer (raw port 9100) exactly once. No retry here: the queue
 * decides. Before the data, an Epson real-time status request (DLE EOT 4) asks about the paper
 * roll; a printer that does not answer in time is printed to anyway.
 *
 * Success means every byte was written, our side closed, and the printer closed its side cleanly.
 * A reset or error after the first byte left is reported as `interrupted`: something may be on
 * paper, so only a person decides to print again.
 */
import { Socket } from 'node:net';
import { PrintFailure, failureFromSystemError } from './print-failure';

export interface TcpTarget {
  host: string;
  port: number;
}

export interface TcpOptions {
  connectTimeoutMs?: number;
  /** Ask the paper sensor first (Epson). */
  statusCheck?: boolean;
  statusTimeoutMs?: number;
  /** Longest wait for the whole job to be accepted. */
  jobTimeoutMs?: number;
  /** How long to wait for the printer to close after the last byte. */
  closeGraceMs?: number;
}

const DLE_EOT_PAPER = Buffer.from([0x10, 0x04, 0x04]);
/** In the paper sensor status byte: bits 5 and 6 set = roll end detected. */
const PAPER_END = 0x60;

export function parseTcpAddress(address: string): TcpTarget {
  const m = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i.exec(address);
  if (!m) throw new PrintFailure('missing', `not a tcp:// address: ${address}`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 9100 };
}

export function sendTcp(target: TcpTarget, bytes: Buffer, options: TcpOptions = {}): Promise<void> {
  const connectTimeout = options.connectTimeoutMs ?? 3000;
  const statusTimeout = options.statusTimeoutMs ?? 700;
  const jobTimeout = options.jobTimeoutMs ?? 20000;
  const closeGraceMs = options.closeGraceMs ?? 3000;
  return new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    let bytesSent = 0;
    let settled = false;
    let phase: 'connect' | 'status' | 'data' | 'closing' = 'connect';
    let timer: NodeJS.Timeout | undefined;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(failureFromSystemError(error, bytesSent));
      else resolve();
    };
    const arm = (ms: number, onTimeout: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    const sendData = () => {
      phase = 'data';
      arm(jobTimeout, () => finish(Object.assign(new Error('printer did not accept the job in time'), { code: 'ETIMEDOUT' })));
      bytesSent = 1; // from here on, something may reach the paper
      socket.write(bytes, (error) => {
        if (error) return finish(error);
        bytesSent = bytes.length;
        phase = 'closing';
        socket.end();
        // Most printers close when we do; one that keeps the connection open has still been
        // handed every byte, and calling that a failure would invite a second copy.
        arm(closeGraceMs, () => finish());
      });
    };
    socket.on('error', (error) => finish(error));
    socket.on('data', (chunk: Buffer) => {
      if (phase !== 'status') return;
      if ((chunk[0]! & PAPER_END) === PAPER_END) return finish(new PrintFailure('out-of-paper', 'paper sensor reports roll end'));
      sendData();
    });
    socket.on('end', () => {
      // The printer closed its side: fine once all our bytes are out, a failure before that.
      if (phase === 'closing') finish();
      else finish(Object.assign(new Error(`printer closed the connection during ${phase}`), { code: 'ECONNRESET' }));
    });
    socket.on('close', () => {
      if (phase === 'closing') finish();
      else finish(Object.assign(new Error(`connection closed during ${phase}`), { code: 'ECONNRESET' }));
    });
    arm(connectTimeout, () => finish(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
    socket.connect(target.port, target.host, () => {
      if (options.statusCheck === false) return sendData();
      phase = 'status';
      socket.write(DLE_EOT_PAPER);
      arm(statusTimeout, sendData); // no answer: an older printer; print anyway
    });
  });
}
