/** Sign out, in the header: the session ends in the core and the sign-in form returns. */
import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { afterSessionChange } from './session-change';

export function SignOutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Button
      variant="default"
      size="xs"
      data-testid="sign-out"
      onClick={() => {
        void api()
          .auth.signOut({ reason: 'user' })
          .finally(() => void afterSessionChange(queryClient));
      }}
    >
      {t('auth.signOut')}
    </Button>
  );
}
