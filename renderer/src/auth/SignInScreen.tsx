/** The sign-in form: keyboard first (Enter submits), Arabic or Latin digits, a plain Arabic refusal. */
import { useState } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import type { AuthStatus } from '../../../shared/auth/schemas';
import { errorText } from './error-text';
import { afterSessionChange } from './session-change';

export function SignInScreen({ status }: { status: AuthStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => unwrap(api().auth.signIn({ username, password })),
    onSuccess: async () => {
      setPassword('');
      await afterSessionChange(queryClient);
    },
  });

  return (
    <main className="auth-screen">
      <Paper withBorder p="xl" className="auth-card">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            signIn.mutate();
          }}
          aria-labelledby="sign-in-title"
        >
          <Stack>
            <Title order={1} id="sign-in-title">
              {t('app.name')} — {t('auth.signInTitle')}
            </Title>
            <Text c="dimmed">{t('auth.signInIntro')}</Text>
            {status.lastEnded === 'idle' && (
              <Alert color="yellow" data-testid="idle-locked">
                {t('auth.lockedByIdle')}
              </Alert>
            )}
            {status.demoCredentials && (
              <Alert color="blue" data-testid="demo-credentials">
                <span className="ltr-value">{t('auth.demoHint', status.demoCredentials)}</span>
              </Alert>
            )}
            <TextInput
              autoFocus
              label={t('auth.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              dir="ltr"
              data-testid="sign-in-username"
              required
            />
            <PasswordInput
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              dir="ltr"
              data-testid="sign-in-password"
              required
            />
            {signIn.error && (
              <Alert color="red" role="alert" data-testid="sign-in-error">
                {errorText(signIn.error, language)}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
