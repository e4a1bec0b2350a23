/**
 * The sandboxed preload: exposes `window.api`, one function per contract channel, grouped by
 * domain. No raw ipcRenderer, no Node, nothing else crosses into the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import { buildApi } from '../../shared/contract/build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi(CHANNEL_NAMES, (channel, input) => ipcRenderer.invoke(channel, input)),
);
