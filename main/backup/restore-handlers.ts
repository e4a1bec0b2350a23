/**
 * `backups:restore` stages a verified backup and asks the shell to restart (pending-restore.ts);
 * `backups:lastRestore` tells the administrator, after the restart, what the restore did.
 */
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import type { HandlersOf } from '../ipc/handlers';
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import { appendAudit } from '../audit/append-audit';
import type { SettingsService } from '../settings/settings-service';
import { stageRestore, type AppliedRestore } from './pending-restore';

export interface RestoreHandlerDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  settings: SettingsService;
  databaseFile: string;
  backupsDir: string;
  /** Restarts the app (the shell's relaunch); absent in the browser preview and tests. */
  requestRestart?: (() => void) | null;
  /** What the restore at this start-up did, if one was staged. */
  applied: AppliedRestore | null;
}

type RestoreChannels = 'backups:restore' | 'backups:lastRestore';

export function restoreHandlers(deps: RestoreHandlerDeps): HandlersOf<RestoreChannels> {
  return {
    'backups:restore': async (input, ctx) => {
      const actor = ctx.actor();
      // Verified now, so a bad file is refused while the person is still looking at the screen.
      const summary = await deps.settings.backups.verify(join(deps.backupsDir, input.name));
      if (summary.encrypted) {
        throw new AppError('VALIDATION', {
          ar: 'هذه نسخة مشفّرة: استعدها من سطر الأوامر مع عبارة الاسترداد.',
          en: 'This backup is encrypted: restore it from the command line with the recovery passphrase.',
        });
      }
      await deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, actor, { action: 'update', entity: 'database_restore', entityId: null, after: { backup: input.name, stage: 'staged', counts: summary.counts } }, deps.newId(), deps.clock.now());
      });
      stageRestore(deps.databaseFile, { backup: input.name, requestedBy: actor.userId, requestedAt: deps.clock.now().toISOString() });
      const restarting = Boolean(deps.requestRestart);
      // Let the reply reach the screen before the window goes away.
      if (deps.requestRestart) setTimeout(deps.requestRestart, 300);
      return { backup: { ...summary, file: basename(summary.file) }, restarting };
    },
    'backups:lastRestore': async () => {
      const a = deps.applied;
      if (!a) return null;
      return a.ok
        ? { ok: true, backup: a.staged.backup, at: a.staged.requestedAt, safetyBackup: a.safety ? basename(a.safety.file) : null, counts: a.restored.counts }
        : { ok: false, backup: a.staged.backup, at: a.staged.requestedAt, safetyBackup: null, counts: null };
    },
  };
}
