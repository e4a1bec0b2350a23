/**
 * The Electron entry point: a thin shell over the core. It registers the app:// scheme, hardens
 * sessions and web contents, starts the core on the user-data folder, wires IPC and opens the
 * window. Everything else lives in services that run without Electron.
 */
import { app } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import { appPaths } from '../core/paths';
import { DATABASE_FILE } from '../core/user-data-dir';
import { seedDemo } from '../demo/seed-demo';
import { openDemoSession } from '../auth/demo-session';
import { completeSetupForDemo } from '../setup/demo-setup';
import { createOsKeyProvider } from '../privacy/key-provider';
import { safeStorageProtector } from './safe-storage-key';
import { registerAppSchemeAsPrivileged, serveRenderer } from './protocol';
import { hardenSessions, hardenWebContents } from './security';
import { wireIpc } from './ipc-wiring';
import { startDailyBackups } from '../backup/daily-backup';
import { createFileLogger } from '../core/logger';
import { createMainWindow } from './window';
import { openCustomerWindowOnSecondScreen } from './customer-window';
import { installMenu } from './menu';
import { createOsPrinter } from './printing-os';
import { chooseFolder } from './choose-folder';

registerAppSchemeAsPrivileged();
app.enableSandbox();
hardenWebContents();

if (!app.requestSingleInstanceLock()) app.quit();

async function start(): Promise<void> {
  await app.whenReady();
  hardenSessions();
  const paths = appPaths(app.getAppPath(), app.isPackaged ? process.resourcesPath : undefined);
  serveRenderer(paths.rendererDir);
  const logsDir = join(app.getPath('userData'), 'logs');
  const logger = await createFileLogger(logsDir);
  const core = await createCore({
    databaseFile: join(app.getPath('userData'), DATABASE_FILE),
    version: app.getVersion(),
    logger,
    logsDir,
    fontsDir: paths.fontsDir,
    osPrinter: createOsPrinter(),
    // safeStorage is usable only after `ready`; the key file is wrapped by the OS (DPAPI / keyring).
    keyProvider: createOsKeyProvider(safeStorageProtector, join(app.getPath('userData'), 'backup-key.bin')),
    chooseFolder,
    // A staged restore is applied at the next start (main/backup/pending-restore.ts): close the
    // database cleanly, then start again.
    requestRestart: () => {
      void core.close().finally(() => {
        app.relaunch();
        app.exit(0);
      });
    },
  });
  // Demo mode (`npm start`) signs the demo administrator in; a packaged app never honours --demo.
  if (!app.isPackaged && process.argv.includes('--demo')) {
    await openDemoSession(core);
    await seedDemo(core, { count: 40, onlyIfEmpty: true });
    await completeSetupForDemo(core);
  }
  wireIpc(core.router);
  // Nightly sync while the app runs, and a catch-up run when the last success is over a day old.
  void core.sync.startScheduler();
  const stopBackups = startDailyBackups(core.settings.backups, logger);
  installMenu();
  const devTools = !app.isPackaged && process.env.ISTIQBAL_DEVTOOLS === '1';
  const mainWindow = createMainWindow(devTools);
  openCustomerWindowOnSecondScreen(mainWindow, devTools);
  // Parse the print fonts now, not when the first beneficiary is waiting for a receipt.
  setTimeout(() => void core.printing.warmUp(), 3000);
  app.on('window-all-closed', () => {
    stopBackups();
    void core.close().finally(() => app.quit());
  });
}

start().catch((error: unknown) => {
  console.error('Istiqbal failed to start:', error);
  app.exit(1);
});
