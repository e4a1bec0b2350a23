/**
 * The first-run wizard, after the first administrator has signed in: the society, this counter,
 * a printer (with a test print), the sync target (with a connection test) and optional demo
 * data. Each step is the same panel the Settings screen shows, so there is one form per thing.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { OrganisationPanel } from '../settings/OrganisationPanel';
import { CounterPanel } from '../settings/CounterPanel';
import { PrintersPanel } from '../printing/PrintersPanel';
import { SyncSettingsPanel } from '../sync/SyncSettingsPanel';

function DemoStep() {
  const { t } = useTranslation();
  const seed = useMutation({ mutationFn: () => unwrap(api().setup.seedDemo({ count: 40 })) });
  return (
    <Stack>
      <Text>{t('setup.demoIntro')}</Text>
      <Group>
        <Button variant="light" onClick={() => seed.mutate()} loading={seed.isPending} disabled={seed.isSuccess} data-testid="setup-demo">
          {t('setup.demoAdd')}
        </Button>
      </Group>
      {seed.data && (
        <Alert color="teal" role="status">
          {t('setup.demoAdded', { count: seed.data.added })}
        </Alert>
      )}
    </Stack>
  );
}

const STEPS = [
  { key: 'organisation', render: () => <OrganisationPanel /> },
  { key: 'counter', render: () => <CounterPanel /> },
  { key: 'printer', render: () => <PrintersPanel /> },
  { key: 'sync', render: () => <SyncSettingsPanel /> },
  { key: 'demo', render: () => <DemoStep /> },
] as const;

export function SetupWizard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [active, setActive] = useState(0);
  const finish = useMutation({
    mutationFn: () => unwrap(api().setup.complete({})),
    onSuccess: () => client.invalidateQueries({ queryKey: ['setup-status'] }),
  });
  const last = active === STEPS.length - 1;
  return (
    <main className="setup-wizard">
      <Paper withBorder p="lg" maw={1100} mx="auto" my="lg">
        <Title order={1}>{t('setup.title')}</Title>
        <Text c="dimmed" mb="md">
          {t('setup.intro')}
        </Text>
        <Stepper active={active} onStepClick={setActive} size="sm">
          {STEPS.map((s) => (
            <Stepper.Step key={s.key} label={t(`setup.steps.${s.key}`)} data-testid={`setup-step-${s.key}`}>
              <div className="setup-step">{s.render()}</div>
            </Stepper.Step>
          ))}
        </Stepper>
        <Group justify="space-between" mt="lg">
          <Button variant="default" onClick={() => setActive((a) => Math.max(0, a - 1))} disabled={active === 0}>
            {t('setup.back')}
          </Button>
          {last ? (
            <Button onClick={() => finish.mutate()} loading={finish.isPending} data-testid="setup-finish">
              {t('setup.finish')}
            </Button>
          ) : (
            <Button onClick={() => setActive((a) => a + 1)} data-testid="setup-next">
              {t('setup.next')}
            </Button>
          )}
        </Group>
      </Paper>
    </main>
  );
}
