/** A failed print attempt, with a code the queue can branch on (retry by itself or wait for a person). */
import type { PrintErrorCode } from '../../shared/printing/printer-errors';

export class PrintFailure extends Error {
  constructor(
    readonly code: PrintErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PrintFailure';
  }
}

/** Socket and file errors that mean nothing reached the printer. */
export function failureFromSystemError(error: unknown, bytesSent: number): PrintFailure {
  if (error instanceof PrintFailure) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (bytesSent > 0) return new PrintFailure('interrupted', `${code} ${message} after ${bytesSent} bytes`);
  if (['ENOENT', 'ENODEV', 'ENXIO', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return new PrintFailure('missing', message);
  if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EBUSY', 'EIO', 'ECONNRESET', 'EPIPE'].includes(code)) {
    return new PrintFailure('offline', message);
  }
  return new PrintFailure('failed', message);
}
