/** Serves the built renderer on loopback, as the app:// protocol does in Electron. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mimeTypeOf, resolveAppAsset } from '../../../main/security/app-protocol-path';

export async function serveDirectory(rootDir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    // Reuse the app's own path guard by mapping the request onto an app:// URL.
    const file = resolveAppAsset(rootDir, `app://istiqbal${req.url ?? '/'}`);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': mimeTypeOf(file), 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
