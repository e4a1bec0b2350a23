import { useState } from 'react';
import { Button, DirectionProvider, Group, MantineProvider, NavLink, Text, Title, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';
import { SCREENS, type Screen } from './navigation';
import { StatusBar } from './StatusBar';
import { applyDocumentLanguage, directionOf, LANGUAGE_KEY } from '../i18n';
import { useLanguage } from './use-language';
import { PlaceholderScreen } from '../common/PlaceholderScreen';
import { SCREEN_COMPONENTS } from './screens';
import { QuickCallHost } from '../calls/QuickCallHost';
import { LibraryQuickHost } from '../library/LibraryQuickHost';
import { AuthGate } from '../auth/AuthGate';
import { SetupGate } from '../setup/SetupGate';
import { SignOutButton } from '../auth/SignOutButton';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { setDirection } = useDirection();
  const toggle = () => {
    const next = language === 'ar' ? 'en' : 'ar';
    localStorage.setItem(LANGUAGE_KEY, next);
    void i18n.changeLanguage(next);
    applyDocumentLanguage(next);
    setDirection(directionOf(next));
  };
  return (
    <Button variant="default" size="xs" onClick={toggle} lang={language === 'ar' ? 'en' : 'ar'} aria-label={`${t('language.label')}: ${t('language.switchTo')}`}>
      {t('language.switchTo')}
    </Button>
  );
}

function Shell() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>('beneficiaries');

  // A CSS-grid layout rather than Mantine's AppShell, which injects a <style> element the CSP refuses.
  return (
    <div className="app-layout">
      <Group component="header" className="app-header" px="md" justify="space-between">
        <Group gap="xs">
          <Title order={2} size="h3">
            {t('app.name')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('app.tagline')}
          </Text>
        </Group>
        <Group gap="xs">
          <LanguageSwitch />
          <SignOutButton />
        </Group>
      </Group>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {SCREENS.map((s) => (
          <NavLink
            key={s}
            component="button"
            label={t(`nav.${s}`)}
            active={screen === s}
            aria-current={screen === s ? 'page' : undefined}
            onClick={() => setScreen(s)}
            data-testid={`nav-${s}`}
          />
        ))}
      </nav>
      <main className="app-main">
        {SCREEN_COMPONENTS[screen]?.() ?? <PlaceholderScreen title={t(`nav.${screen}`)} />}
      </main>
      <div className="app-footer">
        <StatusBar />
      </div>
      <QuickCallHost />
      <LibraryQuickHost />
    </div>
  );
}

export function App() {
  const language = useLanguage();
  return (
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
        <QueryClientProvider client={queryClient}>
          <AuthGate>
            <SetupGate>
              <Shell />
            </SetupGate>
          </AuthGate>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
