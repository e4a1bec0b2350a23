/**
 * Structured logs (pino). Rule: never log inputs or records, only channel names, codes and
 * stacks, so no personal data reaches a log file.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level = process.env.ISTIQBAL_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')): Logger {
  return pino({ level, base: { app: 'istiqbal' } });
}
