/** First run: no user has a password yet, so the first administrator is created here. */
import { useState } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { errorText } from './error-text';
import { afterSessionChange } from './session-change';

export function FirstAdminScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const setup = useMutation({
    mutationFn: () => unwrap(api().auth.setupFirstAdmin({ username, displayName, password })),
    onSuccess: () => afterSessionChange(queryClient),
  });

  return (
    <main className="auth-screen">
      <Paper withBorder p="xl" className="auth-card">
        <form
          aria-labelledby="first-run-title"
          onSubmit={(e) => {
            e.preventDefault();
            const differ = password !== confirm;
            setMismatch(differ);
            if (!differ) setup.mutate();
          }}
        >
          <Stack>
            <Title order={1} id="first-run-title">
              {t('auth.firstRunTitle')}
            </Title>
            <Text c="dimmed">{t('auth.firstRunIntro')}</Text>
            <TextInput label={t('auth.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} dir="ltr" required data-testid="first-username" />
            <TextInput autoFocus label={t('auth.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required data-testid="first-display-name" />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordRules')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="new-password"
              dir="ltr"
              required
              data-testid="first-password"
            />
            <PasswordInput
              label={t('auth.confirmPassword')}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              autoComplete="new-password"
              dir="ltr"
              required
              error={mismatch ? t('auth.passwordsDiffer') : undefined}
              data-testid="first-confirm"
            />
            {setup.error && (
              <Alert color="red" role="alert" data-testid="first-run-error">
                {errorText(setup.error, language)}
              </Alert>
            )}
            <Button type="submit" loading={setup.isPending} data-testid="first-run-submit">
              {t('auth.createAdmin')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
