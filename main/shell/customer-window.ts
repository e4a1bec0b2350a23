/**
 * The customer-facing window of the counter (satisfaction faces, the ticket being served), opened
 * full screen on a second display when one is connected. Same page and security settings as the
 * main window; the renderer shows only the customer view for `?display=customer`.
 */
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';

export function openCustomerWindowOnSecondScreen(mainWindow: BrowserWindow, devTools: boolean): BrowserWindow | null {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  if (!second) return null;
  const window = new BrowserWindow({
    x: second.bounds.x,
    y: second.bounds.y,
    width: second.bounds.width,
    height: second.bounds.height,
    fullscreen: true,
    title: 'استقبال — شاشة المستفيد',
    show: false,
    // Written out in full, as in window.ts, rather than shared through a function: Electronegativity
    // checks each BrowserWindow's literal options and cannot see through a call.
    webPreferences: {
      // Reviewed: the same narrow preload as the main window (only `window.api`, one function per channel).
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
  // The app quits when the staff window closes; the customer screen must not keep it alive.
  mainWindow.on('closed', () => {
    if (!window.isDestroyed()) window.close();
  });
  void window.loadURL('app://istiqbal/index.html?display=customer');
  return window;
}
