/**
 * `npm run preview`: the real app in a browser, for machines without the Electron runtime (such
 * as our CI machines). It serves the built renderer on 127.0.0.1 and answers `window.api` calls
 * through the real core and router over a demo database in a temp folder. Development only: it
 * is never packaged, binds to loopback, and refuses calls without its per-run random token.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { createCore } from '../core/create-core';
import { appPaths } from '../core/paths';
import { DATABASE_FILE } from '../core/user-data-dir';
import { seedDemo } from '../demo/seed-demo';
import { openDemoSession } from '../auth/demo-session';
import { completeSetupForDemo } from '../setup/demo-setup';
import { mimeTypeOf, resolveAppAsset } from '../security/app-protocol-path';

const PORT = Number(process.env.PORT ?? 5180);
const token = randomBytes(24).toString('hex');
const origin = `http://127.0.0.1:${PORT}`;
const paths = appPaths(process.cwd());
const dataDir = process.env.ISTIQBAL_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'istiqbal-preview-'));

const bridge = buildSync({
  entryPoints: [join(process.cwd(), 'renderer', 'bridges', 'preview-bridge.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  define: { __PREVIEW_TOKEN__: JSON.stringify(token) },
}).outputFiles[0]!.text;

const core = await createCore({ databaseFile: join(dataDir, DATABASE_FILE), trustedOrigins: [origin] });
if (process.argv.includes('--demo')) {
  // Demo mode signs the demo administrator in explicitly; see main/auth/demo-session.ts.
  await openDemoSession(core);
  await seedDemo(core, { count: 40, onlyIfEmpty: true });
  await completeSetupForDemo(core);
}

async function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (req, res) => {
  const url = req.url ?? '/';
  if (url === '/__preview/bridge.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(bridge);
    return;
  }
  if (url.startsWith('/__preview/invoke/') && req.method === 'POST') {
    if (req.headers['x-preview-token'] !== token) {
      res.writeHead(403).end();
      return;
    }
    const channel = decodeURIComponent(url.slice('/__preview/invoke/'.length));
    const result = await core.router.invoke(channel, JSON.parse(await readBody(req)), {
      senderUrl: String(req.headers.referer ?? ''),
      isMainFrame: req.headers['x-preview-frame'] === 'main',
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    return;
  }
  const file = resolveAppAsset(paths.rendererDir, `app://istiqbal${url.split('?')[0]}`);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  try {
    let body: Buffer | string = await readFile(file);
    if (file.endsWith('index.html')) {
      // The bridge must run before the app's module script.
      body = body.toString('utf8').replace('<script type="module"', '<script src="./__preview/bridge.js"></script>\n    <script type="module"');
    }
    res.writeHead(200, { 'content-type': mimeTypeOf(file), 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`Istiqbal preview: open ${origin}/ (data in ${dataDir}; Ctrl+C to stop)`);
});
