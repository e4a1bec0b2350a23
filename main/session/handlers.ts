import type { sessionContract } from '../../shared/session/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { SessionStore } from './session-store';
import { ORGANISATION_DEFAULTS } from '../setup/organisation-defaults';
import type { PrinterStatus } from '../../shared/printing/schemas';
import type { SyncInfo } from '../../shared/session/schemas';

export function sessionHandlers(
  sessions: SessionStore,
  version: string,
  printerStatus: () => Promise<PrinterStatus> = async () => ({ state: 'not-configured' }),
  syncInfo: () => Promise<SyncInfo> = async () => ({ state: 'not-configured' }),
): HandlersOf<keyof typeof sessionContract> {
  return {
    'session:current': async () => sessions.current(),
    'app:info': async () => ({
      version,
      organisation: { name: ORGANISATION_DEFAULTS.name, licence: ORGANISATION_DEFAULTS.licence },
      sync: await syncInfo(),
      printer: await printerStatus(),
    }),
  };
}
