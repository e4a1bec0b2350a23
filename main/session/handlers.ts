import type { sessionContract } from '../../shared/session/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { SessionStore } from './session-store';
import { ORGANISATION_DEFAULTS } from '../setup/organisation-defaults';

export function sessionHandlers(sessions: SessionStore, version: string): HandlersOf<keyof typeof sessionContract> {
  return {
    'session:current': async () => sessions.current(),
    'app:info': async () => ({
      version,
      organisation: { name: ORGANISATION_DEFAULTS.name, licence: ORGANISATION_DEFAULTS.licence },
      sync: { state: 'not-configured' as const },
      printer: { state: 'not-configured' as const },
    }),
  };
}
