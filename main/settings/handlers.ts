import { basename, join } from 'node:path';
import type { settingsContract } from '../../shared/settings/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService, backupsDir: string): HandlersOf<keyof typeof settingsContract> {
  // The renderer sees backup names, never paths.
  const withName = <T extends { file: string }>(s: T) => ({ ...s, file: basename(s.file) });
  return {
    'settings:organisation': () => settings.organisation(),
    'settings:saveOrganisation': (input, ctx) => settings.saveOrganisation(ctx.actor(), input),
    'settings:counter': (_input, ctx) => settings.counter(ctx.actor()),
    'settings:saveCounter': (input, ctx) => settings.saveCounter(ctx.actor(), input),
    'backups:list': async () => settings.backups.list().map((b) => ({ name: basename(b.file), bytes: b.bytes, at: b.at.toISOString() })),
    'backups:create': async () => withName(await settings.backups.backupNow()),
    'backups:verify': async (input) => withName(await settings.backups.verify(join(backupsDir, input.name))),
  };
}
