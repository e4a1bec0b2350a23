/**
 * `npm run cli -- <command>`: the core without a window, for administrators and OS schedulers.
 *   migrate                  create or upgrade the local database
 *   seed-demo [--count N]    add synthetic beneficiaries (demo data)
 *   info                     where the database is and what it holds
 *   central migrate          create/upgrade the central PostgreSQL (--url URL --sslmode MODE --ca FILE)
 *   sync                     one sync run with the central database (for an OS scheduler)
 *   backup [--to DIR]        online backup, verified (default: the backups folder, pruned); --to writes it encrypted
 *   verify FILE              check a backup and show what it holds (encrypted: --passphrase-file FILE,
 *                            ISTIQBAL_RECOVERY_PASSPHRASE, or a prompt)
 *   restore FILE             replace the database with a verified backup (app closed; works on a fresh data folder)
 *   privacy purge            run the retention purge (anonymise/delete what has expired), print counts
 *   audit verify             check the audit trail's hash chain; exit 1 and say where if tampered
 * Options: --data DIR (default: the app's user-data folder; env ISTIQBAL_DATA_DIR).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { DATABASE_FILE, defaultUserDataDir } from '../core/user-data-dir';
import { migrateToLatest } from '../db/open-database';
import { seedDemo } from '../demo/seed-demo';
import { runSyncCommand, SYNC_CLI_OPTIONS } from '../sync/cli-commands';
import { openCliSession } from '../auth/demo-session';
import { runAuditCommand } from '../audit/cli-commands';
import { runPrivacyCommand } from '../privacy/cli-commands';
import { BACKUP_COMMANDS, runBackupCommand } from './backup-commands';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' }, ...SYNC_CLI_OPTIONS, count: { type: 'string' }, to: { type: 'string' }, 'passphrase-file': { type: 'string' }, help: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log('usage: npm run cli -- <migrate|seed-demo|info> [--data DIR] [--count N]');
    return command ? 0 : 2;
  }
  const dataDir = values.data ?? defaultUserDataDir();
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = join(dataDir, DATABASE_FILE);
  if ((BACKUP_COMMANDS as readonly string[]).includes(command)) {
    return runBackupCommand(command, positionals.slice(1), { dataDir, databaseFile, to: values.to, passphraseFile: values['passphrase-file'] });
  }
  const core = await createCore({ databaseFile });
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateToLatest(core.db);
        console.log(`database ready: ${databaseFile}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`);
        return 0;
      }
      case 'seed-demo': {
        const count = Number(values.count ?? 40);
        if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a whole number');
        await openCliSession(core);
        await seedDemo(core, { count });
        console.log(`added ${count} demo beneficiaries to ${databaseFile}`);
        return 0;
      }
      case 'audit':
        return await runAuditCommand(core, positionals[1]);
      case 'privacy':
        return await runPrivacyCommand(core, positionals[1]);
      case 'sync':
      case 'central':
        return await runSyncCommand(core, command, positionals.slice(1), values);
      case 'info': {
        const n = await core.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        console.log(JSON.stringify({ database: databaseFile, beneficiaries: Number(n.n) }, null, 2));
        return 0;
      }
      default:
        console.error(`unknown command: ${command}`);
        return 2;
    }
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
