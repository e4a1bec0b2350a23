/**
 * System printers for A4/A5 PDFs, through Electron (the only printing code that imports it).
 * The PDF is written to a private temp folder, opened in a hidden window with Chromium's PDF
 * viewer (plugins on, its own session, no preload, no Node), and printed silently on the named
 * printer with an explicit page size and no margins: the PDF already has its own.
 * Type-checked here; it can only run where an Electron binary exists.
 */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OsPrinter } from '../printing/os-printer';
import { PrintFailure } from '../printing/print-failure';

const PRINT_PARTITION = 'istiqbal-print';

async function installedPrinters(): Promise<Electron.PrinterInfo[]> {
  const probe = new BrowserWindow({ show: false, webPreferences: { partition: PRINT_PARTITION, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' } });
  try {
    return await probe.webContents.getPrintersAsync();
  } finally {
    probe.destroy();
  }
}

export function createOsPrinter(): OsPrinter {
  return {
    async list() {
      // Electron 45 reports the default printer only through the platform's options (CUPS).
      return (await installedPrinters()).map((p) => ({ name: p.name, isDefault: (p.options as Record<string, unknown> | undefined)?.['printer-is-default'] === 'true' }));
    },

    async printPdf(pdf, { deviceName, pageSize, title }) {
      const printers = await installedPrinters();
      if (!printers.some((p) => p.name === deviceName)) throw new PrintFailure('missing', `no system printer named ${deviceName}`);
      const dir = await mkdtemp(join(tmpdir(), 'istiqbal-print-'));
      const file = join(dir, 'document.pdf');
      const window = new BrowserWindow({
        show: false,
        title,
        webPreferences: { partition: PRINT_PARTITION, plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
      });
      try {
        await writeFile(file, pdf, { mode: 0o600 });
        await window.loadURL(pathToFileURL(file).href);
        await new Promise<void>((resolve, reject) => {
          window.webContents.print(
            { silent: true, deviceName, pageSize, printBackground: true, margins: { marginType: 'none' } },
            (success, failureReason) => {
              if (success) resolve();
              else reject(new PrintFailure(/offline|not available|unavailable/i.test(failureReason) ? 'offline' : 'failed', failureReason));
            },
          );
        });
      } finally {
        window.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
