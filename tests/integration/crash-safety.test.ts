/**
 * Kill -9 in the middle of a stream of writes: every write reported as committed is there,
 * whole (record, household and audit entry), and the file passes integrity_check.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../main/db/open-database';
import { makeTempDir } from '../support/temp-dir';

describe('crash safety', () => {
  it('loses no committed record and leaves no half record after SIGKILL', async () => {
    const tmp = makeTempDir();
    const file = join(tmp.dir, 'crash.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/write-stream.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committed: string[] = [];
    await new Promise<void>((resolve) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        committed.push(...lines);
        if (committed.length >= 60) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));

    const db = openDatabase(file);
    try {
      const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
      expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
      const ids = new Set((await db.selectFrom('beneficiaries').select('id').execute()).map((r) => r.id));
      for (const id of committed) expect(ids.has(id)).toBe(true);
      // Whole records only: every beneficiary has its household member and its audit entry.
      const orphans = await sql<{ n: number }>`
        SELECT count(*) AS n FROM beneficiaries b
        WHERE NOT EXISTS (SELECT 1 FROM household_members h WHERE h.beneficiary_id = b.id)
           OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = b.id)`.execute(db);
      expect(orphans.rows[0]!.n).toBe(0);
    } finally {
      await db.destroy();
      tmp.cleanup();
    }
  });
});
