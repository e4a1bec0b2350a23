import type { ShellMessages } from './ar';

export const shellEn: ShellMessages = {
  app: { name: 'Istiqbal', tagline: 'Beneficiary relations' },
  language: { switchTo: 'العربية', label: 'Language' },
  nav: {
    label: 'Sections',
    reception: 'Reception & interviews',
    beneficiaries: 'Beneficiaries',
    calls: 'Phone calls',
    letters: 'Letters',
    contacts: 'Other channels & volunteers',
    requests: 'Support requests',
    reports: 'Reports',
    dashboard: 'Dashboard',
    sync: 'Sync',
    settings: 'Settings',
    library: 'Reference library',
  },
  status: {
    label: 'Status bar',
    user: 'User',
    counter: 'Counter',
    today: 'Today',
    sync: 'Sync',
    printer: 'Printer',
    autoSignedIn: 'Demo mode: signed in automatically as the demo administrator',
  },
  placeholder: { title: 'Coming soon', body: 'This section is not built yet. It will arrive in a later release.' },
};
