/** "Copy diagnostics": what support needs to help (versions, counts, recent log lines), nothing personal. */
import { useRef, useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

export function DiagnosticsPanel() {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  const collect = useMutation({ mutationFn: () => unwrap(api().diagnostics.collect({})) });
  const copy = async () => {
    const text = collect.data ?? '';
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // The clipboard permission may be refused; selecting the text lets the user copy it by hand.
      area.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <Stack>
      <Text>{t('settings.diagnostics.intro')}</Text>
      <Group>
        <Button onClick={() => collect.mutate()} loading={collect.isPending} data-testid="diagnostics-collect">
          {t('settings.diagnostics.collect')}
        </Button>
        {collect.data && (
          <Button variant="light" onClick={copy} data-testid="diagnostics-copy">
            {copied ? t('settings.diagnostics.copied') : t('settings.diagnostics.copy')}
          </Button>
        )}
      </Group>
      {collect.data && (
        <Textarea ref={area} readOnly dir="ltr" autosize minRows={8} maxRows={20} value={collect.data} label={t('settings.diagnostics.label')} data-testid="diagnostics-text" />
      )}
    </Stack>
  );
}
