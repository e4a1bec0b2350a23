/**
 * The dialogs for encrypted backups: a folder to write one to (a USB stick), or a backup file to
 * check. The renderer never sees or sends a path: the core asks, the person picks, and only the
 * file's name goes back to the page.
 */
import { BrowserWindow, dialog } from 'electron';

export async function chooseFolder(what: 'folder' | 'backupFile' = 'folder'): Promise<string | null> {
  const options: Electron.OpenDialogOptions =
    what === 'folder'
      ? { title: 'اختر مجلد النسخة الاحتياطية المشفرة / Choose a folder for the encrypted backup', properties: ['openDirectory', 'createDirectory'] }
      : { title: 'اختر ملف نسخة احتياطية / Choose a backup file', properties: ['openFile'], filters: [{ name: 'Istiqbal backup', extensions: ['istqbak', 'sqlite'] }] };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
