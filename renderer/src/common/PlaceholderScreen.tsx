/** Sections whose issue has not landed say so plainly, rather than pretending to work. */
import { Alert, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PlaceholderScreen({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="placeholder-title">
      <Title order={1} id="placeholder-title" mb="md">
        {title}
      </Title>
      <Alert title={t('placeholder.title')} color="gray">
        {t('placeholder.body')}
      </Alert>
    </section>
  );
}
