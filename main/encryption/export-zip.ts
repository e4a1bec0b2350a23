/**
 * Password-protected exports: one file inside a ZIP encrypted with AES-256 (WinZip AE-2,
 * @zip.js/zip.js). Staff can open it anywhere with the password in 7-Zip, WinRAR, PeaZip or
 * macOS's Archive Utility (Windows Explorer's own ZIP support cannot open AES ZIPs); our own
 * `.istqbak` format would need this app to read. The password is never stored.
 */
import { configure, TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { canonicalPassphrase } from '../../shared/encryption/passphrase-rules';

// No web workers in Node: the archive is built in this process.
configure({ useWebWorkers: false });

export async function protectedZip(fileName: string, content: { text: string } | { bytes: Uint8Array }, password: string, modified: Date): Promise<Buffer> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password: canonicalPassphrase(password), encryptionStrength: 3, zipCrypto: false });
  const reader = 'text' in content ? new TextReader(content.text) : new Uint8ArrayReader(content.bytes);
  await writer.add(fileName, reader, { lastModDate: modified });
  return Buffer.from(await writer.close());
}

/** `report.csv` → `report.csv.zip`: the name still says what is inside. */
export function zipName(fileName: string): string {
  return `${fileName}.zip`;
}
