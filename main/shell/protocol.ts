/** Serves the built renderer over `app://istiqbal/` (never file://), through the path guard. */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveAppAsset } from '../security/app-protocol-path';

export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
