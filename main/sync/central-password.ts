/**
 * The central database password is never kept in the counter's SQLite file in clear. It is sealed
 * with AES-256-GCM under the OS-kept key (main/privacy/key-provider.ts: safeStorage / DPAPI / the
 * keyring wraps that key in a file beside the database) and only the sealed bytes go into
 * `sync_state`; the SQLite file alone, or a copy of it, does not reveal the password.
 *
 * Where the OS keeps no key (Linux `basic_text`, the CLI, plain Node), saving a password is
 * refused with the key provider's reason; the CLI and such machines give the password to
 * PostgreSQL's own client instead (PGPASSWORD or a ~/.pgpass file of mode 0600), which `pg` reads
 * when the connection has none.
 */
import { checkpointNow } from '../db/checkpoint';
import { AppError } from '../../shared/errors/app-error';
import { decryptBuffer, encryptBuffer } from '../privacy/file-encryption';
import type { KeyProvider } from '../privacy/key-provider';
import type { SDb } from './sync-db';
import { getState, setState } from './sync-state';

const SEALED = 'central_password';

export async function storePassword(db: SDb, keys: KeyProvider, password: string): Promise<void> {
  const sealed = encryptBuffer(await keys.key(), Buffer.from(password, 'utf8')).toString('base64');
  await setState(db, SEALED, sealed);
}

export async function hasStoredPassword(db: SDb): Promise<boolean> {
  return (await getState(db, SEALED)) !== null;
}

/** The stored password, or null when none is stored; throws (bilingual) when the OS key cannot open it. */
export async function readPassword(db: SDb, keys: KeyProvider): Promise<string | null> {
  const sealed = await getState(db, SEALED);
  if (sealed === null) return null;
  if (keys.unavailableReason()) return null;
  return decryptBuffer(await keys.key(), Buffer.from(sealed, 'base64')).toString('utf8');
}

export function assertCanStore(keys: KeyProvider): void {
  const reason = keys.unavailableReason();
  if (reason) throw new AppError('FORBIDDEN', reason, [{ path: 'password', message: reason }], { reason: 'no_os_key_storage' });
}

/**
 * Rewrites sensitive values so their old bytes do not linger: every connection zeroes freed space
 * (`secure_delete`, main/db/open-database.ts), and a TRUNCATE checkpoint empties the write-ahead
 * log that held earlier pages.
 */
export async function scrubbed<T>(db: SDb, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    await checkpointNow(db);
  }
}
