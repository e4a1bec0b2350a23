/**
 * The settings screen's panels, one per domain (printers, users, sync, service types…). Each
 * domain adds its panel here with one line; the screen lists them as tabs in this order.
 */
import type { ReactNode } from 'react';
import { TopicsPanel } from '../calls/TopicsPanel';
import { ReferencePatternPanel } from '../letters/ReferencePatternPanel';
import { SupportTypesPanel } from '../requests/SupportTypesPanel';
import { DeclarationPanel } from '../requests/DeclarationPanel';
import { UsersPanel } from '../auth/UsersPanel';
import { AuditPanel } from '../audit/AuditPanel';
import { PrivacyPanel } from '../privacy/PrivacyPanel';
import { SyncSettingsPanel } from '../sync/SyncSettingsPanel';
import type { ChannelName } from '../../../shared/contract/api-types';
import { OrganisationPanel } from './OrganisationPanel';
import { CounterPanel } from './CounterPanel';
import { BackupsPanel } from './BackupsPanel';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { CategoriesPanel } from '../beneficiaries/CategoriesPanel';
import { PrintersPanel } from '../printing/PrintersPanel';

export interface SettingsPanel {
  /** Stable key, also the i18n key under `settings.panels`. */
  key: string;
  render: () => ReactNode;
  /** When set, the tab shows only to roles allowed this channel (the router refuses the rest anyway). */
  channel?: ChannelName;
}

export const SETTINGS_PANELS: SettingsPanel[] = [
  { key: 'organisation', render: () => <OrganisationPanel />, channel: 'settings:saveOrganisation' },
  { key: 'counter', render: () => <CounterPanel />, channel: 'settings:saveCounter' },
  { key: 'categories', render: () => <CategoriesPanel />, channel: 'beneficiaries:saveCategories' },
  { key: 'backups', render: () => <BackupsPanel />, channel: 'backups:create' },
  { key: 'diagnostics', render: () => <DiagnosticsPanel />, channel: 'diagnostics:collect' },
  { key: 'printers', render: () => <PrintersPanel />, channel: 'printing:savePrinter' },
  { key: 'users', render: () => <UsersPanel /> },
  { key: 'audit', render: () => <AuditPanel />, channel: 'audit:list' },
  { key: 'privacy', render: () => <PrivacyPanel />, channel: 'privacy:requests' },
  { key: 'supportTypes', render: () => <SupportTypesPanel /> },
  { key: 'declaration', render: () => <DeclarationPanel /> },
  { key: 'callTopics', render: () => <TopicsPanel /> },
  { key: 'letterReferences', render: () => <ReferencePatternPanel /> },
  { key: 'sync', render: () => <SyncSettingsPanel />, channel: 'sync:saveConfig' },
];
