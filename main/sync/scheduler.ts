/**
 * When sync runs while the app is open: nightly at the configured time in the configured zone
 * (croner handles the zone and DST-free Riyadh alike), and once shortly after start-up when the
 * last success is more than 24 hours old. Closed app: the OS scheduler runs `npm run cli -- sync`.
 */
import { Cron } from 'croner';
import type { SyncConfig } from '../../shared/sync/schemas';

export const STARTUP_CATCH_UP_MS = 24 * 60 * 60 * 1000;

export function nightlyPattern(config: Pick<SyncConfig, 'nightlyAt'>): string {
  const [h, m] = config.nightlyAt.split(':').map(Number);
  return `${m} ${h} * * *`;
}

export function isOverdue(lastSuccessAt: string | null, now: Date): boolean {
  return !lastSuccessAt || now.getTime() - new Date(lastSuccessAt).getTime() > STARTUP_CATCH_UP_MS;
}

export interface Scheduler {
  nextRun(): Date | null;
  stop(): void;
}

export function scheduleNightly(config: SyncConfig, run: () => void): Scheduler {
  if (!config.enabled || !config.url) return { nextRun: () => null, stop: () => undefined };
  const job = new Cron(nightlyPattern(config), { timezone: config.timeZone, protect: true, catch: true }, run);
  return { nextRun: () => job.nextRun(), stop: () => job.stop() };
}
