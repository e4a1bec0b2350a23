/** Settings: one tab per domain panel registered in panels.tsx. */
import { Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SETTINGS_PANELS as ALL_PANELS } from './panels';
import { PlaceholderScreen } from '../common/PlaceholderScreen';
import { useSession } from '../auth/use-session';
import { roleMayUse } from '../../../shared/auth/permissions';
import { contract } from '../../../shared/contract/index';

export function SettingsScreen() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role;
  const SETTINGS_PANELS = ALL_PANELS.filter((p) => !p.channel || roleMayUse(contract[p.channel].access, role));
  if (SETTINGS_PANELS.length === 0) return <PlaceholderScreen title={t('nav.settings')} />;
  return (
    <section aria-labelledby="settings-title">
      <Title order={1} id="settings-title" mb="md">
        {t('nav.settings')}
      </Title>
      <Tabs defaultValue={SETTINGS_PANELS[0]!.key} keepMounted={false}>
        <Tabs.List>
          {SETTINGS_PANELS.map((p) => (
            <Tabs.Tab key={p.key} value={p.key} data-testid={`settings-tab-${p.key}`}>
              {t(`settings.panels.${p.key}` as 'nav.settings')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SETTINGS_PANELS.map((p) => (
          <Tabs.Panel key={p.key} value={p.key} pt="md">
            {p.render()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </section>
  );
}
