/**
 * Outside Electron (the browser preview and the end-to-end harness) there is no preload, so a
 * small script does its job before the app loads: `window.api` from the channel names, over a
 * given transport, read-only like the preload's.
 */
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import { buildApi, type Invoke } from '../../shared/contract/build-api';

export function installApi(invoke: Invoke): void {
  Object.defineProperty(window, 'api', {
    value: buildApi(CHANNEL_NAMES, invoke),
    writable: false,
    configurable: false,
  });
}
