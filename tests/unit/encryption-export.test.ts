/**
 * The passphrase rule, and the password-protected export ZIP checked by an independent reader:
 * WinZip AES (AE-2) decoded here with node:crypto straight from the format (PBKDF2-SHA1 keys,
 * little-endian AES-CTR, HMAC-SHA1 code), and by 7-Zip where it is installed (CI installs it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { passphraseProblem } from '../../shared/encryption/passphrase-rules';
import { protectedZip } from '../../main/encryption/export-zip';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('passphrase strength', () => {
  it('needs 12+ characters of two kinds, not one repeated, and a matching confirmation', () => {
    expect(passphraseProblem('abc123')).toBe('passphrase.short');
    expect(passphraseProblem('abcdefghijklmn')).toBe('passphrase.variety');
    expect(passphraseProblem('111111111111a')).toBe('passphrase.variety');
    expect(passphraseProblem('جمعية خزام نسخة آمنة')).toBeNull(); // letters and spaces
    expect(passphraseProblem('كلمة-سر-٢٠٢٦-قوية')).toBeNull();
    expect(passphraseProblem('كلمة-سر-٢٠٢٦-قوية', 'كلمة-سر-2026-قوية')).toBeNull(); // digits folded
    expect(passphraseProblem('كلمة-سر-٢٠٢٦-قوية', 'كلمة-سر-2027-قوية')).toBe('passphrase.mismatch');
  });
});

/** Reads the first entry of a WinZip-AES ZIP with nothing but node:crypto and zlib. */
function openAesZip(zip: Buffer, password: string): { name: string; data: Buffer; strength: number } {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cd = zip.readUInt32LE(eocd + 16);
  expect(zip.readUInt32LE(cd)).toBe(0x02014b50);
  const flags = zip.readUInt16LE(cd + 8);
  expect(flags & 1).toBe(1); // encrypted
  expect(zip.readUInt16LE(cd + 10)).toBe(99); // method 99 = WinZip AES
  const compressed = zip.readUInt32LE(cd + 20);
  const nameLength = zip.readUInt16LE(cd + 28);
  const extraLength = zip.readUInt16LE(cd + 30);
  const local = zip.readUInt32LE(cd + 42);
  const name = zip.subarray(cd + 46, cd + 46 + nameLength).toString('utf8');
  const extra = zip.subarray(cd + 46 + nameLength, cd + 46 + nameLength + extraLength);
  let strength = 0;
  let method = 0;
  for (let i = 0; i < extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 0x9901) {
      expect(extra.subarray(i + 6, i + 8).toString('ascii')).toBe('AE');
      strength = extra[i + 8]!;
      method = extra.readUInt16LE(i + 9);
    }
    i += 4 + size;
  }
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const entry = zip.subarray(dataStart, dataStart + compressed);
  const keyBytes = 32;
  const salt = entry.subarray(0, 16);
  const derived = pbkdf2Sync(password, salt, 1000, keyBytes * 2 + 2, 'sha1');
  if (!derived.subarray(keyBytes * 2).equals(entry.subarray(16, 18))) throw new Error('wrong password');
  const body = entry.subarray(18, entry.length - 10);
  const code = createHmac('sha1', derived.subarray(keyBytes, keyBytes * 2)).update(body).digest().subarray(0, 10);
  if (!code.equals(entry.subarray(entry.length - 10))) throw new Error('authentication code mismatch');
  // AES-CTR with a little-endian block counter starting at 1.
  const ecb = createCipheriv('aes-256-ecb', derived.subarray(0, keyBytes), null);
  const plain = Buffer.alloc(body.length);
  for (let block = 0; block * 16 < body.length; block++) {
    const counter = Buffer.alloc(16);
    counter.writeUInt32LE(block + 1, 0);
    const stream = ecb.update(counter);
    for (let j = 0; j < 16 && block * 16 + j < body.length; j++) plain[block * 16 + j] = body[block * 16 + j]! ^ stream[j]!;
  }
  return { name, strength, data: method === 8 ? inflateRawSync(plain) : plain };
}

describe('password-protected export ZIP', () => {
  const csv = '\uFEFFالاسم,الهوية,الجوال\r\nأحمد محمد القحطاني,1000000008,0551234567\r\n'.repeat(50);
  const password = 'تصدير آمن ٢٠٢٦';

  it('is AES-256 with the password (digits folded), holds the file under its name, and no plaintext', async () => {
    const zip = await protectedZip('calls-2026-11-29.csv', { text: csv }, password, new Date('2026-11-29T08:00:00Z'));
    expect(zip.includes(Buffer.from('1000000008'))).toBe(false);
    expect(zip.includes(Buffer.from('أحمد'))).toBe(false);
    const opened = openAesZip(zip, 'تصدير آمن 2026');
    expect(opened.strength).toBe(3); // 3 = AES-256
    expect(opened.name).toBe('calls-2026-11-29.csv');
    expect(opened.data.toString('utf8')).toBe(csv);
    expect(() => openAesZip(zip, 'تصدير آمن 2027')).toThrow();
    const flipped = Buffer.from(zip);
    flipped[80] = flipped[80]! ^ 1;
    expect(() => openAesZip(flipped, 'تصدير آمن 2026')).toThrow();
  });

  it('opens in 7-Zip with the password and is refused with a wrong one', async (ctx) => {
    const sevenZip = ['7zz', '7z'].find((bin) => spawnSync(bin, ['i'], { encoding: 'utf8' }).status === 0);
    if (!sevenZip) return ctx.skip();
    const bytes = Buffer.from('%PDF-1.7 report bytes 1000000008');
    const file = join(tmp.dir, 'report.pdf.zip');
    writeFileSync(file, await protectedZip('report.pdf', { bytes }, password, new Date()));
    const good = spawnSync(sevenZip, ['x', '-so', '-pتصدير آمن 2026', file], { encoding: 'buffer' });
    expect(good.status, good.stderr.toString()).toBe(0);
    expect(good.stdout.equals(bytes)).toBe(true);
    const bad = spawnSync(sevenZip, ['x', '-so', '-pwrong password 1', file], { encoding: 'buffer' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.toString()).toMatch(/Wrong password|Data Error/i);
  });
});
