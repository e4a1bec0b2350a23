/**
 * A consistent copy of a live database through SQLite's online backup API (never a file copy:
 * copying the file while WAL pages are pending gives a corrupt or stale copy). A separate
 * connection steps through the pages a chunk at a time, so the app keeps working meanwhile.
 */
import sqlite3 from 'sqlite3';

function open(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
}

interface BackupHandle {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: (err: Error | null) => void): void;
  completed: boolean;
  failed: boolean;
}

export async function backupDatabase(sourceFile: string, destFile: string, pagesPerStep = 512): Promise<void> {
  const source = await open(sourceFile, sqlite3.OPEN_READONLY);
  try {
    const backup = (source as unknown as { backup(file: string): BackupHandle }).backup(destFile);
    while (!backup.completed) {
      await new Promise<void>((resolve, reject) => backup.step(pagesPerStep, (err) => (err ? reject(err) : resolve())));
      if (backup.failed) throw new Error('backup failed');
      // Let the app's own queries run between steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise<void>((resolve) => backup.finish(() => resolve()));
  } finally {
    await close(source);
  }
  // The copy inherits WAL mode; a backup should be one self-contained file, with no -wal or
  // -shm companions appearing when it is opened to be checked.
  const dest = await open(destFile, sqlite3.OPEN_READWRITE);
  await new Promise<void>((resolve, reject) => dest.run('PRAGMA journal_mode = DELETE', (err) => (err ? reject(err) : resolve())));
  await close(dest);
}

/** Runs a read-only query on a database file with its own short-lived connection. */
export async function readOnlyQuery<T>(file: string, query: string): Promise<T[]> {
  const db = await open(file, sqlite3.OPEN_READONLY);
  try {
    return await new Promise<T[]>((resolve, reject) => db.all(query, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  } finally {
    await close(db);
  }
}
