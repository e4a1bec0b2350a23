/** Connects every contract channel to the router, passing who sent the call. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract/index';
import type { Router } from '../ipc/router';

export function wireIpc(router: Router): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      router.invoke(channel, payload, {
        senderUrl: event.senderFrame?.url ?? '',
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
      }),
    );
  }
}
