/** Settings → Privacy (PDPL): requests and breaches for managers and administrators; the rest for administrators. */
import { Divider, Stack } from '@mantine/core';
import { useCan } from '../auth/use-session';
import { RequestsSection } from './RequestsSection';
import { BreachesSection } from './BreachesSection';
import { AdminPrivacySection } from './AdminPrivacySection';

export function PrivacyPanel() {
  const isAdmin = useCan('privacy:setSettings');
  return (
    <Stack gap="xl">
      <RequestsSection />
      <Divider />
      <BreachesSection />
      {isAdmin && (
        <>
          <Divider />
          <AdminPrivacySection />
        </>
      )}
    </Stack>
  );
}
