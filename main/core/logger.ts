/**
 * Structured logs (pino). Rule: never log inputs or records, only channel names, codes and
 * stacks, so no personal data reaches a log file. As a second line of defence, fields that
 * would hold personal data are redacted wherever they appear.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** Field names that hold personal data in our records and inputs. */
const PERSONAL_FIELDS = ['idNumber', 'id_number', 'mobile', 'altMobile', 'alt_mobile', 'iban', 'firstName', 'first_name', 'familyName', 'family_name', 'fullName', 'name_normalised', 'password', 'data', 'input', 'payload'];

function options(level: string): LoggerOptions {
  return {
    level,
    base: { app: 'istiqbal' },
    redact: { paths: [...PERSONAL_FIELDS, ...PERSONAL_FIELDS.map((f) => `*.${f}`)], censor: '[redacted]' },
  };
}

const defaultLevel = () => process.env.ISTIQBAL_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');

export function createLogger(level = defaultLevel()): Logger {
  return pino(options(level));
}

export const LOG_FILE_NAME = 'istiqbal.log';

/**
 * Logs to rotated files in the user-data folder: a new file each day or at 10 MB, the last 14
 * kept. pino-roll runs in this process (no worker thread), so it bundles into the Electron main.
 */
export async function createFileLogger(logsDir: string, level = defaultLevel()): Promise<Logger> {
  mkdirSync(logsDir, { recursive: true });
  const { default: roll } = await import('pino-roll');
  const stream = await roll({ file: join(logsDir, LOG_FILE_NAME), frequency: 'daily', size: '10m', mkdir: true, limit: { count: 14 } });
  return pino(options(level), stream);
}
