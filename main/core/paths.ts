/**
 * The one place that knows where static files live: in a packaged app they sit under the
 * installer's resources folder; in development, in the repository.
 */
import { join } from 'node:path';

export interface AppPaths {
  rendererDir: string;
  resourcesDir: string;
  fontsDir: string;
}

export function appPaths(appRoot: string, packagedResourcesPath?: string): AppPaths {
  const resourcesDir = packagedResourcesPath ? join(packagedResourcesPath, 'resources') : join(appRoot, 'resources');
  return {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    resourcesDir,
    fontsDir: join(resourcesDir, 'fonts'),
  };
}
