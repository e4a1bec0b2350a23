import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBackupService } from '../../main/backup/backup-service';
import { backupIfDue, startDailyBackups } from '../../main/backup/daily-backup';
import { createLogger } from '../../main/core/logger';
import { createTestCore } from '../support/test-core';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.dispose();
});

describe('daily backup', () => {
  it('backs up when none is a day old, and not again the same day', async () => {
    const backups = createBackupService({ databaseFile: join(core.dir, 'istiqbal.sqlite'), backupsDir: join(core.dir, 'backups'), clock: core.clock });
    const logger = createLogger('silent');
    expect(await backupIfDue(backups, logger)).toBe(true);
    expect(await backupIfDue(backups, logger)).toBe(false);
    expect(backups.list()).toHaveLength(1);
  });

  it('starts with a catch-up backup and a schedule that can be stopped', async () => {
    const backups = createBackupService({ databaseFile: join(core.dir, 'istiqbal.sqlite'), backupsDir: join(core.dir, 'backups'), clock: core.clock });
    const stop = startDailyBackups(backups, createLogger('silent'), '0 0 1 1 *');
    await expect.poll(() => backups.list().length, { timeout: 10_000 }).toBe(1);
    stop();
  });
});
