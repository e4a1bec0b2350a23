/** The app's sections, in the order of the counter's day. */
export const SCREENS = ['reception', 'dashboard', 'beneficiaries', 'calls', 'letters', 'contacts', 'requests', 'library', 'reports', 'sync', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
