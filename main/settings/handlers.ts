import { basename, join } from 'node:path';
import type { settingsContract } from '../../shared/settings/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { SettingsService } from './settings-service';
import type { SessionStore } from '../session/session-store';

/** Restore has its own handlers (main/backup/restore-handlers.ts): it needs the restart and start-up result. */
type RestoreChannels = 'backups:restore' | 'backups:lastRestore';

export function settingsHandlers(settings: SettingsService, backupsDir: string, sessions: SessionStore): HandlersOf<Exclude<keyof typeof settingsContract, RestoreChannels>> {
  // The renderer sees backup names, never paths.
  const withName = <T extends { file: string }>(s: T) => ({ ...s, file: basename(s.file) });
  return {
    'settings:organisation': () => settings.organisation(),
    'settings:saveOrganisation': (input, ctx) => settings.saveOrganisation(ctx.actor(), input),
    'settings:counter': (_input, ctx) => settings.counter(ctx.actor()),
    'settings:saveCounter': async (input, ctx) => {
      const saved = await settings.saveCounter(ctx.actor(), input);
      // The signed-in session carries the counter (status bar, and the code in new references).
      const session = sessions.current();
      if (session) sessions.set({ ...session, counter: { ...session.counter, ...saved } });
      return saved;
    },
    'backups:list': async () => settings.backups.list().map((b) => ({ name: basename(b.file), bytes: b.bytes, at: b.at.toISOString() })),
    'backups:create': async () => withName(await settings.backups.backupNow()),
    'backups:verify': async (input) => withName(await settings.backups.verify(join(backupsDir, input.name))),
  };
}
