/** The app's sections, in the order of the counter's day. */
export const SCREENS = ['reception', 'beneficiaries', 'calls', 'letters', 'contacts', 'requests', 'reports', 'sync', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
