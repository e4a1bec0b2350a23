/**
 * The folder dialog for an encrypted backup to a USB stick. The renderer never sees or sends a
 * path: the core asks, the person picks, and only the written file's name goes back to the page.
 */
import { BrowserWindow, dialog } from 'electron';

export async function chooseFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'اختر مجلد النسخة الاحتياطية المشفرة / Choose a folder for the encrypted backup',
    properties: ['openDirectory', 'createDirectory'],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
