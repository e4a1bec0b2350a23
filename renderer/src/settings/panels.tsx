/**
 * The settings screen's panels, one per domain (printers, users, sync, service types…). Each
 * domain adds its panel here with one line; the screen lists them as tabs in this order.
 */
import type { ReactNode } from 'react';
import { SupportTypesPanel } from '../requests/SupportTypesPanel';
import { DeclarationPanel } from '../requests/DeclarationPanel';

export interface SettingsPanel {
  /** Stable key, also the i18n key under `settings.panels`. */
  key: string;
  render: () => ReactNode;
}

export const SETTINGS_PANELS: SettingsPanel[] = [
  { key: 'supportTypes', render: () => <SupportTypesPanel /> },
  { key: 'declaration', render: () => <DeclarationPanel /> },
];
