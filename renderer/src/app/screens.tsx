/**
 * Which component each section shows. A section whose issue has not landed shows the plain
 * "not built yet" placeholder. Add a built section here with one line.
 */
import type { ReactNode } from 'react';
import type { Screen } from './navigation';
import { BeneficiariesScreen } from '../beneficiaries/BeneficiariesScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { CallsScreen } from '../calls/CallsScreen';
import { LettersScreen } from '../letters/LettersScreen';
import { ContactsScreen } from '../contacts/ContactsScreen';
import { ReceptionScreen } from '../reception/ReceptionScreen';
import { RequestsScreen } from '../requests/RequestsScreen';
import { SyncScreen } from '../sync/SyncScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { DashboardScreen } from '../reports/DashboardScreen';
import { LibraryScreen } from '../library/LibraryScreen';

export const SCREEN_COMPONENTS: Partial<Record<Screen, () => ReactNode>> = {
  beneficiaries: () => <BeneficiariesScreen />,
  settings: () => <SettingsScreen />,
  sync: () => <SyncScreen />,
  calls: () => <CallsScreen />,
  letters: () => <LettersScreen />,
  contacts: () => <ContactsScreen />,
  reception: () => <ReceptionScreen />,
  requests: () => <RequestsScreen />,
  reports: () => <ReportsScreen />,
  dashboard: () => <DashboardScreen />,
  library: () => <LibraryScreen />,
};
