/**
 * Settings → Backups: the recovery passphrase (set with a confirmation and the shared strength
 * rule, shown as the person types) and "encrypted backup to a folder". The passphrase goes to the
 * core once and is never shown or stored; only the key's fingerprint is.
 */
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { formatGregorian } from '../../../shared/dates/calendars';
import { PASSPHRASE_MESSAGES, passphraseProblem } from '../../../shared/encryption/passphrase-rules';
import { useCan } from '../auth/use-session';

type Message = { ok: boolean; text: string; code?: string };

export function RecoverySection() {
  const { t } = useTranslation();
  const canSet = useCan('encryption:setRecovery');
  const language = useLanguage();
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const status = useQuery({ queryKey: ['encryption', 'status'], queryFn: () => unwrap(api().encryption.status({})) });
  const problem = passphraseProblem(passphrase, confirm);
  // Before the person reaches the confirmation, only the passphrase's own rule is shown.
  const passphraseError = touched && problem && problem !== 'passphrase.mismatch' ? PASSPHRASE_MESSAGES[problem][language] : undefined;
  const confirmError = touched && confirm !== '' && problem === 'passphrase.mismatch' ? PASSPHRASE_MESSAGES[problem][language] : undefined;
  const fail = (e: unknown) => setMessage({ ok: false, text: e instanceof ApiError ? e.payload.message[language] : String(e) });

  const save = useMutation({
    mutationFn: () => unwrap(api().encryption.setRecovery({ passphrase, confirm })),
    onSuccess: async (s) => {
      setPassphrase('');
      setConfirm('');
      setTouched(false);
      setMessage({ ok: true, text: t('encryption.recovery.saved'), code: s.keyId ?? undefined });
      await client.invalidateQueries({ queryKey: ['encryption', 'status'] });
    },
    onError: fail,
  });
  const toFolder = useMutation({
    mutationFn: () => unwrap(api().encryption.backupToFolder({})),
    onSuccess: (r) => setMessage({ ok: true, text: t('encryption.recovery.backedUp', { file: r.fileName, beneficiaries: r.counts.beneficiaries ?? 0 }) }),
    onError: fail,
  });
  const [verifyPassphrase, setVerifyPassphrase] = useState('');
  const verifyFile = useMutation({
    mutationFn: () => unwrap(api().encryption.verifyBackupFile({ passphrase: verifyPassphrase || undefined })),
    onSuccess: (r) => setMessage({ ok: true, text: t('encryption.recovery.verified', { file: r.fileName, beneficiaries: r.counts.beneficiaries ?? 0, users: r.counts.users ?? 0 }) }),
    onError: fail,
  });
  const submit = () => {
    setTouched(true);
    if (!problem) save.mutate();
  };

  const s = status.data;
  return (
    <Stack gap="sm" data-testid="recovery-section">
      <Title order={3} size="h4">
        {t('encryption.recovery.title')}
      </Title>
      <Text size="sm">{t('encryption.recovery.intro')}</Text>
      {s && !s.configured && (
        <Alert color="orange" data-testid="recovery-not-set">
          {t('encryption.recovery.notSet')}
        </Alert>
      )}
      {s?.configured && s.setAt && (
        <Text size="sm" data-testid="recovery-status">
          {t('encryption.recovery.setAt', { at: formatGregorian(new Date(s.setAt), language) })} <span className="ltr-value">{s.keyId}</span>
          {' — '}
          {s.localCopy ? t('encryption.recovery.localCopy') : t('encryption.recovery.noLocalCopy')}
        </Text>
      )}
      {s?.osKeyUnavailable && (
        <Text size="sm" c="dimmed">
          {s.osKeyUnavailable[language]}
        </Text>
      )}
      {canSet && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="xs" maw={520}>
            <PasswordInput
              label={t('encryption.recovery.passphrase')}
              description={t('encryption.recovery.rule')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              onBlur={() => passphrase && setTouched(true)}
              error={passphraseError}
              dir="auto"
              autoComplete="new-password"
              data-testid="recovery-passphrase"
            />
            <PasswordInput
              label={t('encryption.recovery.confirm')}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={confirmError}
              dir="auto"
              autoComplete="new-password"
              data-testid="recovery-confirm"
            />
            {s?.configured && (
              <Text size="xs" c="dimmed">
                {t('encryption.recovery.replaceHint')}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="recovery-save">
                {s?.configured ? t('encryption.recovery.replace') : t('encryption.recovery.set')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Group>
        <Button variant="light" onClick={() => toFolder.mutate()} loading={toFolder.isPending} disabled={!s?.configured || !s.canChooseFolder} data-testid="backup-to-folder">
          {t('encryption.recovery.backupToFolder')}
        </Button>
      </Group>
      {s?.canChooseFolder && (
        <Group align="flex-end">
          <PasswordInput
            label={t('encryption.recovery.verifyPassphrase')}
            value={verifyPassphrase}
            onChange={(e) => setVerifyPassphrase(e.currentTarget.value)}
            dir="auto"
            autoComplete="off"
            w={360}
            data-testid="verify-passphrase"
          />
          <Button variant="default" onClick={() => verifyFile.mutate()} loading={verifyFile.isPending} data-testid="verify-backup-file">
            {t('encryption.recovery.verifyFile')}
          </Button>
        </Group>
      )}
      {s && !s.canChooseFolder && (
        <Text size="xs" c="dimmed">
          {t('encryption.recovery.backupToFolderHint')}
        </Text>
      )}
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} data-testid="recovery-message">
          {message.text} {message.code && <span className="ltr-value">{message.code}</span>}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('encryption.recovery.restoreHint')}
      </Text>
    </Stack>
  );
}
