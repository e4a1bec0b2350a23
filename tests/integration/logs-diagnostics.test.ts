/** Logs go to rotated files with no personal data in them; diagnostics carry counts, not records. */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileLogger } from '../../main/core/logger';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
let core: Awaited<ReturnType<typeof createTestCore>> | undefined;
afterEach(async () => {
  await core?.dispose();
  tmp.cleanup();
});

function readLogs(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

describe('logs and diagnostics', () => {
  it('writes JSON lines to a rotated file and redacts personal fields wherever they appear', async () => {
    const logsDir = join(tmp.dir, 'logs');
    const logger = await createFileLogger(logsDir, 'info');
    logger.info({ channel: 'beneficiaries:create', idNumber: '1000000008', nested: { mobile: '+966551234567' } }, 'probe');
    logger.flush();
    await new Promise((r) => setTimeout(r, 100));
    const text = readLogs(logsDir);
    expect(readdirSync(logsDir).some((f) => /^istiqbal\.\d+\.log$/.test(f))).toBe(true);
    expect(text).toContain('"msg":"probe"');
    expect(text).toContain('beneficiaries:create');
    expect(text).not.toContain('1000000008');
    expect(text).not.toContain('551234567');
  });

  it('a day of work with failures leaves no ID, phone or name in the log', async () => {
    const logsDir = join(tmp.dir, 'work-logs');
    const logger = await createFileLogger(logsDir, 'debug');
    core = await createTestCore({ logger, logsDir });
    await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
    await call(core, 'beneficiaries:create', { data: beneficiaryFixture() }); // duplicate
    await call(core, 'beneficiaries:create', { data: beneficiaryFixture({ mobile: 'bad' }) });
    await core.router.invoke('beneficiaries:search', { query: 'القحطاني' }, { senderUrl: 'https://evil.example/', isMainFrame: true });
    await call(core, 'beneficiaries:search', { query: '0551234567' });
    logger.flush();
    await new Promise((r) => setTimeout(r, 100));
    const text = readLogs(logsDir);
    expect(text.length).toBeGreaterThan(0);
    for (const personal of ['1000000008', '551234567', 'القحطاني', 'أحمد']) expect(text).not.toContain(personal);

    const diag = await call(core, 'diagnostics:collect', {});
    expect(diag.ok).toBe(true);
    if (!diag.ok) return;
    const report = diag.value as string;
    expect(report).toContain('"beneficiaries": 1');
    expect(report).toContain('0002-beneficiaries');
    expect(report).toContain('newest log lines');
    for (const personal of ['1000000008', '551234567', 'القحطاني']) expect(report).not.toContain(personal);
  });
});
