// Starts the built app in Electron. Electron 45 fetches its binary on first launch; where that
// download is impossible (no route to Electron's release host), say so in one sentence and stop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

let bin = binaryPath();
if (!bin) {
  const attempt = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  bin = attempt.status === 0 ? binaryPath() : null;
}
if (!bin) {
  console.error(
    'Istiqbal cannot start here: the Electron runtime could not be downloaded (this machine has no route to Electron\'s release host); run `npm run preview` to use the app in a browser, or start it on a machine that can reach the download.',
  );
  process.exit(1);
}
const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
