/** When sync runs: 02:00 Riyadh by default, a catch-up when the last success is over a day old. */
import { describe, expect, it } from 'vitest';
import { isOverdue, nightlyPattern, scheduleNightly } from '../../main/sync/scheduler';
import { DEFAULT_CONFIG } from '../../main/sync/sync-state';
import { tlsOptions } from '../../main/central/connect';

describe('sync schedule', () => {
  it('runs nightly at 02:00 Asia/Riyadh by default (23:00 UTC)', () => {
    expect(DEFAULT_CONFIG.nightlyAt).toBe('02:00');
    expect(DEFAULT_CONFIG.timeZone).toBe('Asia/Riyadh');
    expect(nightlyPattern(DEFAULT_CONFIG)).toBe('0 2 * * *');
    const s = scheduleNightly({ ...DEFAULT_CONFIG, url: 'postgres://x@h/db' }, () => undefined);
    try {
      const next = s.nextRun()!;
      expect(next.getUTCHours()).toBe(23);
      expect(next.getUTCMinutes()).toBe(0);
    } finally {
      s.stop();
    }
  });
  it('is not scheduled without an address or when switched off', () => {
    expect(scheduleNightly(DEFAULT_CONFIG, () => undefined).nextRun()).toBeNull();
    expect(scheduleNightly({ ...DEFAULT_CONFIG, url: 'postgres://x@h/db', enabled: false }, () => undefined).nextRun()).toBeNull();
  });
  it('catches up at start-up only when the last success is more than 24 hours old', () => {
    const now = new Date('2026-11-29T08:00:00Z');
    expect(isOverdue(null, now)).toBe(true);
    expect(isOverdue('2026-11-28T09:00:00Z', now)).toBe(false);
    expect(isOverdue('2026-11-28T07:59:00Z', now)).toBe(true);
  });
});

describe('TLS options from sslmode', () => {
  it('maps libpq modes to Node TLS settings', () => {
    expect(tlsOptions({ url: 'postgres://h/db', sslMode: 'disable' })).toBe(false);
    expect(tlsOptions({ url: 'postgres://h/db', sslMode: 'require' })).toEqual({ rejectUnauthorized: false });
    const full = tlsOptions({ url: 'postgres://h/db', sslMode: 'verify-full', caFile: 'package.json' });
    expect(full && full.rejectUnauthorized).toBe(true);
    expect(full && typeof full.ca).toBe('string');
    const ca = tlsOptions({ url: 'postgres://h/db', sslMode: 'verify-ca', caFile: 'package.json' });
    expect(ca && ca.checkServerIdentity?.('h', {} as never)).toBeUndefined();
  });
});
