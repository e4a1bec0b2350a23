/** The main window, with Electron's security defaults stated explicitly. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';

export function createMainWindow(devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: 'استقبال',
    show: false,
    webPreferences: {
      // Reviewed: the preload exposes only `window.api`, one function per contract channel, over
      // ipcRenderer.invoke; no Node, no raw ipcRenderer (main/shell/preload.ts, tests/unit/contract.test.ts).
      preload: join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools,
      spellcheck: false,
      // Middle-click must not open links in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL('app://istiqbal/index.html');
  return window;
}
