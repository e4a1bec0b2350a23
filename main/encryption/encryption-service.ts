/**
 * Encryption for what leaves the machine: the recovery passphrase and backup key
 * (recovery-key.ts), encrypted backups to a folder the person picks, and password-protected
 * export archives. Every change of the recovery key is audited with its key id, never the key.
 */
import { basename } from 'node:path';
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import type { Actor } from '../core/actor';
import type { KeyProvider } from '../privacy/key-provider';
import type { BackupService } from '../backup/backup-service';
import { appendAudit } from '../audit/append-audit';
import { AppError, type Bilingual } from '../../shared/errors/app-error';
import { createRecoveryKey, openLocalCopy, parseRecord, RECOVERY_MESSAGES, RECOVERY_SETTINGS_KEY, sealLocalCopy, type RecoveryRecord } from './recovery-key';
import { protectedZip, zipName } from './export-zip';

/** Asks the person for a folder, or (`'backupFile'`) an encrypted backup file, in the shell's dialog; null when they cancel. */
export type ChooseFolder = (what?: 'folder' | 'backupFile') => Promise<string | null>;

export const ENCRYPTION_SERVICE_MESSAGES = {
  noFolderPicker: {
    ar: 'اختيار مجلد متاح في تطبيق سطح المكتب فقط. من سطر الأوامر: npm run cli -- backup --to <المجلد>',
    en: 'Choosing a folder is available in the desktop app only. From the command line: npm run cli -- backup --to <folder>',
  },
  cancelled: { ar: 'لم يُختر مجلد، فلم تُنشأ نسخة.', en: 'No folder was chosen, so no backup was made.' },
  noFile: { ar: 'لم يُختر ملف.', en: 'No file was chosen.' },
} satisfies Record<string, Bilingual>;

export interface EncryptionServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  keyProvider: KeyProvider;
  backups: BackupService;
  chooseFolder?: ChooseFolder | null;
}

export function createEncryptionService({ db, clock, newId, keyProvider, backups, chooseFolder }: EncryptionServiceDeps) {
  async function record(): Promise<RecoveryRecord | null> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', RECOVERY_SETTINGS_KEY).executeTakeFirst();
    return parseRecord(row?.value);
  }

  async function localKeyOk(r: RecoveryRecord): Promise<boolean> {
    if (!r.localCopy || keyProvider.unavailableReason()) return false;
    try {
      return openLocalCopy(await keyProvider.key(), r.localCopy) !== null;
    } catch {
      return false;
    }
  }

  /** The private key from this machine's local copy, for opening its own backups; null when there is none here. */
  async function localUnlock() {
    const r = await record();
    if (!r?.localCopy || keyProvider.unavailableReason()) return null;
    const privateKey = openLocalCopy(await keyProvider.key(), r.localCopy);
    return privateKey ? { privateKey, keyId: r.keyId } : null;
  }

  async function status() {
    const r = await record();
    return {
      configured: r !== null,
      setAt: r?.setAt ?? null,
      keyId: r?.keyId ?? null,
      localCopy: r ? await localKeyOk(r) : false,
      osKeyUnavailable: keyProvider.unavailableReason(),
      canChooseFolder: Boolean(chooseFolder),
    };
  }

  return {
    status,
    record,

    localUnlock,

    async setRecovery(actor: Actor, passphrase: string) {
      const now = clock.now();
      const { record: fresh, privateKey } = await createRecoveryKey(passphrase, now);
      // The OS key is asked for only where it protects something (not Linux basic_text).
      const localCopy = keyProvider.unavailableReason() ? null : sealLocalCopy(await keyProvider.key(), privateKey);
      const value = JSON.stringify({ ...fresh, localCopy } satisfies RecoveryRecord);
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('settings').select('value').where('key', '=', RECOVERY_SETTINGS_KEY).executeTakeFirst();
        await trx
          .insertInto('settings')
          .values({ key: RECOVERY_SETTINGS_KEY, value, updated_at: now.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
          .execute();
        const beforeKey = parseRecord(before?.value)?.keyId ?? null;
        await appendAudit(trx, actor, { action: 'update', entity: 'settings.backupRecovery', entityId: null, before: { keyId: beforeKey }, after: { keyId: fresh.keyId } }, newId(), now);
      });
      return status();
    },

    async backupToFolder(actor: Actor) {
      const r = await record();
      if (!r) throw new AppError('CONFLICT', RECOVERY_MESSAGES.notConfigured, undefined, { reason: 'no_recovery_key' });
      if (!chooseFolder) throw new AppError('VALIDATION', ENCRYPTION_SERVICE_MESSAGES.noFolderPicker);
      const folder = await chooseFolder('folder');
      if (!folder) throw new AppError('VALIDATION', ENCRYPTION_SERVICE_MESSAGES.cancelled, undefined, { reason: 'cancelled' });
      const summary = await backups.backupSealed(folder, r);
      const now = clock.now();
      await db.transaction().execute((trx) =>
        appendAudit(trx, actor, { action: 'export', entity: 'backup', entityId: null, after: { file: basename(summary.file), keyId: r.keyId, counts: summary.counts } }, newId(), now),
      );
      return { fileName: basename(summary.file), bytes: summary.bytes, keyId: summary.keyId, counts: summary.counts };
    },

    /** Checks a backup file the person picks; a typed passphrase wins over this machine's key copy. Nothing is replaced. */
    async verifyBackupFile(passphrase?: string) {
      if (!chooseFolder) throw new AppError('VALIDATION', ENCRYPTION_SERVICE_MESSAGES.noFolderPicker);
      const file = await chooseFolder('backupFile');
      if (!file) throw new AppError('VALIDATION', ENCRYPTION_SERVICE_MESSAGES.noFile, undefined, { reason: 'cancelled' });
      const unlock = passphrase ? { passphrase } : ((await localUnlock()) ?? undefined);
      const summary = await backups.verify(file, unlock);
      return { fileName: basename(file), encrypted: summary.encrypted, counts: summary.counts, migrations: summary.migrations.length };
    },

    async protectExport(input: { fileName: string; text?: string; base64?: string; passphrase: string }) {
      const content = input.text !== undefined ? { text: input.text } : { bytes: Buffer.from(input.base64 ?? '', 'base64') };
      const zip = await protectedZip(input.fileName, content, input.passphrase, clock.now());
      return { fileName: zipName(input.fileName), mime: 'application/zip', base64: zip.toString('base64') };
    },
  };
}

export type EncryptionService = ReturnType<typeof createEncryptionService>;
