/** The requests section: the research committee's queue, the researcher's referrals, service delivery. */
import { Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CommitteeQueue } from './CommitteeQueue';
import { ReferralQueue } from './ReferralQueue';
import { DeliveryQueue } from './DeliveryQueue';

export function RequestsScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="requests-title" className="requests-screen">
      <Title order={1} id="requests-title" mb="md">
        {t('requests.title')}
      </Title>
      <Tabs defaultValue="committee" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="committee" data-testid="tab-committee">
            {t('requests.tabs.committee')}
          </Tabs.Tab>
          <Tabs.Tab value="referrals" data-testid="tab-referrals">
            {t('requests.tabs.referrals')}
          </Tabs.Tab>
          <Tabs.Tab value="delivery" data-testid="tab-delivery">
            {t('requests.tabs.delivery')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="committee" pt="md">
          <CommitteeQueue />
        </Tabs.Panel>
        <Tabs.Panel value="referrals" pt="md">
          <ReferralQueue />
        </Tabs.Panel>
        <Tabs.Panel value="delivery" pt="md">
          <DeliveryQueue />
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
