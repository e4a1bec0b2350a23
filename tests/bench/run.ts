/** `npm run bench`: runs every benchmark under tests/bench in turn; each prints its own figures. */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const extra = process.argv.slice(2);
for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !['run.ts', 'stats.ts'].includes(f)).sort()) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, file), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
