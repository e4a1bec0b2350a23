/**
 * The "encrypt with a password" choice beside an export button. Unticked, the file downloads as
 * before; ticked, the core seals it in an AES-256 ZIP (encryption:protectExport) and only the ZIP
 * is downloaded, so the plain file never reaches the disk. A screen may start it ticked.
 * No dialog: Mantine's Modal injects a <style> element, which our CSP forbids.
 */
import { useId, useState } from 'react';
import { Checkbox, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { downloadText } from '../calls/download-text';
import { downloadBase64 } from '../reports/download-file';
import { PASSPHRASE_MESSAGES, passphraseProblem } from '../../../shared/encryption/passphrase-rules';

export type ExportedFile = { fileName: string; mime: string } & ({ text: string } | { base64: string });

export function useExportProtection(startProtected: boolean, testId = 'export') {
  const { t } = useTranslation();
  const language = useLanguage();
  const helpId = useId();
  const [on, setOn] = useState(startProtected);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = on ? passphraseProblem(password, confirm) : null;
  const shown = touched && problem ? PASSPHRASE_MESSAGES[problem][language] : undefined;

  /** Call before fetching the export: false (and the message shown) while the password is not acceptable. */
  const ready = (): boolean => {
    setTouched(true);
    return problem === null;
  };

  const deliver = async (file: ExportedFile): Promise<string> => {
    if (!on) {
      if ('text' in file) downloadText(file.fileName, file.text, file.mime);
      else downloadBase64(file.fileName, file.base64, file.mime);
      return file.fileName;
    }
    const content = 'text' in file ? { text: file.text } : { base64: file.base64 };
    const zip = await unwrap(api().encryption.protectExport({ fileName: file.fileName, ...content, passphrase: password, confirm }));
    downloadBase64(zip.fileName, zip.base64, zip.mime);
    return zip.fileName;
  };

  const controls = (
    <Stack gap={6} data-testid={`${testId}-protection`}>
      <Checkbox label={t('encryption.export.protect')} checked={on} onChange={(e) => setOn(e.currentTarget.checked)} data-testid={`${testId}-protect`} />
      {on && (
        <>
          <Group align="flex-start" gap="sm">
            <PasswordInput
              label={t('encryption.export.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={shown && problem !== 'passphrase.mismatch' ? shown : undefined}
              dir="auto"
              autoComplete="new-password"
              aria-describedby={helpId}
              w={260}
              data-testid={`${testId}-password`}
            />
            <PasswordInput
              label={t('encryption.export.confirm')}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={shown && problem === 'passphrase.mismatch' ? shown : undefined}
              dir="auto"
              autoComplete="new-password"
              w={260}
              data-testid={`${testId}-confirm`}
            />
          </Group>
          <Text size="xs" c="dimmed" id={helpId} maw={640}>
            {t('encryption.recovery.rule')} {t('encryption.export.help')}
          </Text>
        </>
      )}
    </Stack>
  );

  return { controls, ready, deliver, protectedOn: on };
}
