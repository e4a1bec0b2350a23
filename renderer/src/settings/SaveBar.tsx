import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The save button of a settings form and what became of the last save. */
export function SaveBar({ status, saving, testId }: { status: string; saving: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={saving} data-testid={testId}>
        {t('settings.save')}
      </Button>
      {status === 'saved' && (
        <Alert color="teal" py={4} role="status">
          {t('settings.saved')}
        </Alert>
      )}
      {status !== 'saved' && status !== 'idle' && (
        <Alert color="red" py={4} role="alert">
          {status}
        </Alert>
      )}
    </Group>
  );
}
