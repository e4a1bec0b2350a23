/** The CLI over the core, as an administrator or an OS scheduler runs it. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { makeTempDir } from '../support/temp-dir';

const data = makeTempDir();
afterAll(() => data.cleanup());

// The bundled CLI (built by `npm test` before the tests) starts in a fraction of tsx's time.
const entry = existsSync('dist/main/cli.cjs') ? ['dist/main/cli.cjs'] : ['--import', 'tsx', 'main/cli/main.ts'];

function cli(...args: string[]) {
  return spawnSync(process.execPath, [...entry, ...args, '--data', data.dir], { encoding: 'utf8' });
}

describe('cli', { timeout: 120_000 }, () => {
  it('migrates, seeds demo data and reports what the database holds', () => {
    const migrate = cli('migrate');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('database ready');
    expect(cli('seed-demo', '--count', '12').status).toBe(0);
    const info = cli('info');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout).beneficiaries).toBe(12);
  });
  it('refuses an unknown command with exit code 2', () => {
    const r = cli('explode');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command');
  });
});

describe('cli backups', { timeout: 120_000 }, () => {
  it('backs up, verifies and restores from the command line', () => {
    const backup = cli('backup');
    expect(backup.status).toBe(0);
    const summary = JSON.parse(backup.stdout);
    expect(summary.counts.beneficiaries).toBe(12);
    expect(cli('verify', summary.file).status).toBe(0);
    const bogus = cli('verify', 'package.json');
    expect(bogus.status).toBe(1);
    expect(bogus.stderr).toContain('تالف');
    const restore = cli('restore', summary.file);
    expect(restore.status).toBe(0);
    expect(JSON.parse(restore.stdout).safety.counts.beneficiaries).toBe(12);
  });
});
