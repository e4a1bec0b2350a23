/**
 * CLI: `central migrate` (create/upgrade the central schema and its per-table views) and `sync`
 * (one run, for an OS scheduler while the app is closed; exit 0 only on success).
 * The target is the saved setting, or --url/--sslmode/--ca for this invocation.
 */
import type { Core } from '../core/create-core';
import { connectCentral, type CentralTarget, type SslMode } from '../central/connect';
import { migrateCentral } from '../central/central-store';
import { refreshDomainViews } from '../central/domain-views';
import { newCounterPassword, provisionCounterLogin } from '../central/counter-logins';
import { getConfig } from './sync-state';
import { syncDb } from './sync-db';

export const SYNC_CLI_OPTIONS = {
  url: { type: 'string' },
  sslmode: { type: 'string' },
  ca: { type: 'string' },
  password: { type: 'string' },
} as const;

interface Flags {
  url?: string;
  sslmode?: string;
  ca?: string;
  password?: string;
}

/** Creates (or gives a new password to) one counter's login; prints the password once. */
async function addCounter(target: CentralTarget, code: string | undefined, password: string | undefined): Promise<number> {
  if (!code) {
    console.error('usage: npm run cli -- central add-counter CODE [--password P] --url postgres://owner@host/db');
    return 2;
  }
  const central = connectCentral(target);
  try {
    const secret = password ?? newCounterPassword();
    const { role, created } = await provisionCounterLogin(central.db, code, secret);
    console.log(`${created ? 'created' : 'updated'} login ${role}`);
    if (!password) console.log(`password (shown once; enter it in that counter's Settings → Sync): ${secret}`);
    return 0;
  } finally {
    await central.close();
  }
}

async function targetOf(core: Core, flags: Flags): Promise<CentralTarget | null> {
  const saved = await getConfig(syncDb(core.db));
  const url = flags.url ?? process.env.ISTIQBAL_CENTRAL_URL ?? saved.url;
  if (!url) return null;
  return { url, sslMode: (flags.sslmode ?? saved.sslMode) as SslMode, caFile: flags.ca ?? (saved.caFile || undefined) };
}

export async function runSyncCommand(core: Core, command: 'sync' | 'central', args: string[], flags: Flags): Promise<number> {
  const target = await targetOf(core, flags);
  if (!target) {
    console.error('no central database: pass --url postgres://… or save it in Settings → Sync');
    return 2;
  }
  if (command === 'central') {
    if (args[0] === 'add-counter') return addCounter(target, args[1], flags.password);
    if (args[0] !== 'migrate') {
      console.error('usage: npm run cli -- central migrate [--url URL] [--sslmode MODE] [--ca FILE]');
      console.error('       npm run cli -- central add-counter CODE [--password P] [--url URL] [--sslmode MODE] [--ca FILE]');
      return 2;
    }
    const central = connectCentral(target);
    try {
      const applied = await migrateCentral(central.db);
      const views = await refreshDomainViews(core.db, central.db);
      console.log(`central database ready${applied.length ? ` (applied ${applied.join(', ')})` : ''}; views: ${views.join(', ')}`);
      return 0;
    } finally {
      await central.close();
    }
  }
  let last = '';
  const timer = setInterval(() => {
    const p = core.sync.engine.progress();
    const line = `${p.phase} ${p.done}`;
    if (line !== last && p.phase !== 'idle') console.log(line);
    last = line;
  }, 1000);
  try {
    const run = await core.sync.engine.run('cli', flags.url ? target : undefined);
    console.log(JSON.stringify({ status: run.status, pushed: run.pushed, pulled: run.pulled, conflicts: run.conflicts, mismatches: run.mismatches, repulled: run.repulled, attempts: run.attempts, error: run.error?.en ?? null }));
    if (run.error) console.error(`${run.error.ar}\n${run.error.en}`);
    return run.status === 'ok' ? 0 : 1;
  } finally {
    clearInterval(timer);
  }
}
