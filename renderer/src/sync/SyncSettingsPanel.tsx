/** Settings → Sync: the central database address, its TLS, and when the nightly sync runs. */
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, NativeSelect, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { useLanguage } from '../app/use-language';
import { Columns } from '../common/Columns';
import { SSL_MODES, syncConfig, type SyncConfig } from '../../../shared/sync/schemas';
import { toLatinDigits } from '../../../shared/text/digits';

type Draft = SyncConfig & { password: string };

export function SyncSettingsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const config = useQuery({ queryKey: ['sync', 'config'], queryFn: () => unwrap(api().sync.getConfig({})) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (config.data && !draft) {
      const { hasPassword: _h, ...rest } = config.data;
      setDraft({ ...rest, password: '' });
    }
  }, [config.data, draft]);
  const save = useMutation({
    mutationFn: (d: Draft) => unwrap(api().sync.saveConfig(d)),
    onSuccess: async (saved) => {
      setMessage({ ok: true, text: t('sync.settings.saved') });
      // The form shows what was saved (not the cached pre-save settings, which a reset draft would reload).
      queryClient.setQueryData(['sync', 'config'], saved);
      const { hasPassword: _h, ...rest } = saved;
      setDraft({ ...rest, password: '' });
      await queryClient.invalidateQueries({ queryKey: ['sync'] });
      await queryClient.invalidateQueries({ queryKey: ['app-info'] });
    },
    onError: (e) => setMessage({ ok: false, text: e instanceof ApiError ? e.payload.message[language] : String(e) }),
  });
  if (!draft) return null;
  const checked = syncConfig.safeParse(draft);
  const issue = (field: string) => (!checked.success ? checked.error.issues.find((i) => i.path[0] === field) : undefined);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  return (
    <Stack gap="md" data-testid="sync-settings">
      <Title order={2} size="h4">
        {t('sync.settings.title')}
      </Title>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role="status">
          {message.text}
        </Alert>
      )}
      <Columns cols={2}>
        <TextInput
          data-testid="sync-url"
          label={t('sync.settings.url')}
          description={t('sync.settings.urlHint')}
          dir="ltr"
          value={draft.url}
          onChange={(e) => set({ url: e.currentTarget.value.trim() })}
          error={issue('url') ? t('sync.settings.invalidUrl') : undefined}
        />
        <PasswordInput
          data-testid="sync-password"
          label={t('sync.settings.password')}
          description={config.data?.hasPassword ? t('sync.settings.passwordKept') : undefined}
          dir="ltr"
          value={draft.password}
          onChange={(e) => set({ password: e.currentTarget.value })}
        />
        <NativeSelect
          data-testid="sync-sslmode"
          label={t('sync.settings.sslMode')}
          value={draft.sslMode}
          data={SSL_MODES.map((m) => ({ value: m, label: t(`sync.settings.sslModes.${m}`) }))}
          onChange={(e) => set({ sslMode: e.currentTarget.value as Draft['sslMode'] })}
        />
        <TextInput data-testid="sync-ca" label={t('sync.settings.caFile')} description={t('sync.settings.caHint')} dir="ltr" value={draft.caFile} onChange={(e) => set({ caFile: e.currentTarget.value })} />
        <TextInput
          data-testid="sync-time"
          label={t('sync.settings.nightlyAt')}
          dir="ltr"
          value={draft.nightlyAt}
          onChange={(e) => set({ nightlyAt: toLatinDigits(e.currentTarget.value) })}
          error={issue('nightlyAt') ? t('sync.settings.invalidTime') : undefined}
        />
        <TextInput data-testid="sync-zone" label={t('sync.settings.timeZone')} dir="ltr" value={draft.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })} />
      </Columns>
      <Checkbox data-testid="sync-enabled" label={t('sync.settings.enabled')} checked={draft.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
      <div>
        <Button data-testid="sync-save" disabled={!checked.success} loading={save.isPending} onClick={() => save.mutate(draft)}>
          {t('sync.settings.save')}
        </Button>
      </div>
    </Stack>
  );
}
