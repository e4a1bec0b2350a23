/**
 * Sends ESC/POS bytes to a device path (USB `/dev/usb/lp0`, serial, a Windows share) in one write,
 * once. node-thermal-printer's file interface is NOT used: it queues the write with 1000 retries
 * 200 ms apart and gives up waiting after 5 s while the write keeps retrying in the background for
 * minutes, so a printer that comes back prints the job again after our own retry printed it.
 */
import { open } from 'node:fs/promises';
import { failureFromSystemError } from './print-failure';

export async function sendToDevice(path: string, bytes: Buffer): Promise<void> {
  let bytesSent = 0;
  try {
    // 'r+' never creates a file: a missing device is an error, not a new file on disk.
    const handle = await open(path, 'r+');
    try {
      while (bytesSent < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, bytesSent, bytes.length - bytesSent);
        bytesSent += bytesWritten;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw failureFromSystemError(error, bytesSent);
  }
}
