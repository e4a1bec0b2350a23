/**
 * Where the app keeps its database when it is not started by Electron (the CLI), matching
 * Electron's `app.getPath('userData')` for the product name, so both find the same file.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Istiqbal';
export const DATABASE_FILE = 'istiqbal.sqlite';

export function defaultUserDataDir(env = process.env, platform = process.platform): string {
  if (env.ISTIQBAL_DATA_DIR) return env.ISTIQBAL_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
