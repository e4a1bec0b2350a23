/** Backups made with the online API, verified, refused when corrupt, restored with a safety copy. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../main/core/create-core';
import { createBackupService } from '../../main/backup/backup-service';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { prng, syntheticBeneficiary } from '../../main/demo/synthetic-people';
import { createTestCore } from '../support/test-core';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.dispose();
});

const random = prng(9);
async function addPeople(c: typeof core, from: number, count: number) {
  const s = c.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  for (let i = 0; i < count; i++) {
    await c.beneficiaries.create(actor, beneficiaryInput.parse(syntheticBeneficiary(from + i, random)), []).catch(async (e: { details?: { warnings?: string } }) => {
      await c.beneficiaries.create(actor, beneficiaryInput.parse(syntheticBeneficiary(from + i, random)), e.details?.warnings?.split(',') ?? []);
    });
  }
}

describe('backups', () => {
  it('copies a live database while it is being written, and the copy verifies', async () => {
    await addPeople(core, 1, 20);
    const service = createBackupService({ databaseFile: join(core.dir, 'istiqbal.sqlite'), backupsDir: join(core.dir, 'backups'), clock: core.clock });
    const [summary] = await Promise.all([service.backupNow(), addPeople(core, 100, 10)]);
    expect(summary.migrations).toContain('0002-beneficiaries');
    expect(summary.counts.beneficiaries).toBeGreaterThanOrEqual(20);
    expect(service.list()).toHaveLength(1);
    expect(service.isDue()).toBe(false);
  });

  it('refuses a corrupted backup with a clear message', async () => {
    await addPeople(core, 1, 30);
    const service = createBackupService({ databaseFile: join(core.dir, 'istiqbal.sqlite'), backupsDir: join(core.dir, 'backups'), clock: core.clock });
    const good = await service.backupNow();
    const broken = join(core.dir, 'broken.sqlite');
    copyFileSync(good.file, broken);
    const fd = openSync(broken, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);
    await expect(service.verify(broken)).rejects.toMatchObject({ code: 'VALIDATION', bilingual: { ar: expect.stringContaining('تالف') } });
    await expect(service.restore(broken)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('restores a backup after taking a safety copy of the current data', async () => {
    await addPeople(core, 1, 5);
    const dbFile = join(core.dir, 'istiqbal.sqlite');
    const service = createBackupService({ databaseFile: dbFile, backupsDir: join(core.dir, 'backups'), clock: core.clock });
    const backup = await service.backupNow();
    await addPeople(core, 50, 3);
    await core.close();

    const { restored, safety } = await service.restore(backup.file);
    expect(restored.counts.beneficiaries).toBe(5);
    expect(safety?.counts.beneficiaries).toBe(8);

    const reopened = await createCore({ databaseFile: dbFile });
    const n = await reopened.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5);
    await reopened.close();
    // Already closed above: only the folder is left to remove.
    const dir = core.dir;
    core = { ...core, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  });

  it('prunes backups older than the retention period', async () => {
    const dbFile = join(core.dir, 'istiqbal.sqlite');
    const backupsDir = join(core.dir, 'backups');
    await createBackupService({ databaseFile: dbFile, backupsDir, clock: core.clock }).backupNow();
    const later = { now: () => new Date(Date.now() + 40 * 86_400_000) };
    const service = createBackupService({ databaseFile: dbFile, backupsDir, clock: later, retentionDays: 30 });
    expect(service.isDue()).toBe(true);
    expect(service.prune()).toHaveLength(1);
    expect(service.list()).toHaveLength(0);
  });
});

describe('updates', () => {
  it('backs up an existing database before migrating it, and not a new one', async () => {
    const { Migrator } = await import('kysely/migration');
    const { openDatabase } = await import('../../main/db/open-database');
    const { staticMigrationProvider } = await import('../../main/db/migrations');
    const { readdirSync, existsSync } = await import('node:fs');
    const dir = join(core.dir, 'old');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const file = join(dir, 'istiqbal.sqlite');
    const old = openDatabase(file);
    await new Migrator({ db: old, provider: staticMigrationProvider }).migrateTo('0002-beneficiaries');
    await old.destroy();

    const upgraded = await createCore({ databaseFile: file });
    await upgraded.close();
    const backups = readdirSync(join(dir, 'backups', 'before-migration'));
    expect(backups).toHaveLength(1);
    const { verifyBackup } = await import('../../main/backup/verify-backup');
    const summary = await verifyBackup(join(dir, 'backups', 'before-migration', backups[0]!));
    expect(summary.migrations).toEqual(['0001-foundation', '0002-beneficiaries']);
    expect(existsSync(join(core.dir, 'backups', 'before-migration'))).toBe(false);
  });
});
