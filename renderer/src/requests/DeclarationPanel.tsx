/** Settings: the declaration's text; every save is a new version, signed declarations keep theirs. */
import { useState } from 'react';
import { Alert, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { DECLARATION_PLACEHOLDERS } from '../../../shared/requests/declaration';
import type { DeclarationView } from '../../../shared/requests/schemas';
import { useLanguage } from '../app/use-language';
import { refusalOf } from '../reception/api-errors';
import { dateTime } from '../reception/format';

export function DeclarationPanel() {
  const history = useQuery({ queryKey: ['requests', 'declarationHistory'], queryFn: () => unwrap(api().requests.declarationHistory({})) });
  if (!history.data) return null;
  return <DeclarationEditor key={history.data[0]?.version ?? 0} history={history.data} />;
}

function DeclarationEditor({ history }: { history: DeclarationView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const current = history[0];
  const [text, setText] = useState(current?.textAr ?? '');
  const save = useMutation({
    mutationFn: () => unwrap(api().requests.saveDeclaration({ textAr: text })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['requests', 'declarationHistory'] });
      void queryClient.invalidateQueries({ queryKey: ['requests', 'declaration'] });
    },
  });
  const refusal = save.error ? refusalOf(save.error, language, t('requests.errors.generic')) : null;
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())} data-testid="declaration-panel" className="counter-settings">
      <Title order={2} size="h4">
        {t('requests.settings.declarationTitle')}
      </Title>
      <Text size="sm">{t('requests.settings.declarationIntro', { fields: DECLARATION_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' '), interpolation: { escapeValue: false } })}</Text>
      <Text size="sm" fw={600}>
        {t('requests.settings.current', { version: current?.version ?? 0 })}
      </Text>
      <Textarea label={t('requests.settings.declarationText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={6} error={refusal?.fields.textAr} data-testid="declaration-editor" />
      {refusal && (
        <Alert color="red" role="alert" data-testid="form-error">
          {refusal.message}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={save.isPending} data-testid="save-declaration">
          {t('requests.settings.save')}
        </Button>
      </Group>
      {history.length > 1 && (
        <Stack gap={4}>
          <Text fw={600}>{t('requests.settings.history')}</Text>
          <List size="sm">
            {history.slice(1).map((h) => (
              <List.Item key={h.version}>
                {h.version} — {h.createdBy} — {dateTime(h.createdAt, language)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
