/**
 * The application core, with no Electron in it: the database, the services and the router.
 * The Electron shell, the CLI and the tests all start the app through this one function.
 */
import { dirname, join } from 'node:path';
import { contract } from '../../shared/contract/index';
import { openDatabase, migrateToLatest, type Db } from '../db/open-database';
import { createRouter, type Router } from '../ipc/router';
import type { Handlers } from '../ipc/handlers';
import { createBeneficiaryService, type BeneficiaryService } from '../beneficiaries/beneficiary-service';
import { beneficiaryHandlers } from '../beneficiaries/handlers';
import { createCategoryService } from '../beneficiaries/category-service';
import { createSessionStore, type SessionStore } from '../session/session-store';
import { sessionHandlers } from '../session/handlers';
import { bootstrap } from '../setup/bootstrap';
import { ensureSync } from '../sync/ensure-sync';
import { createSyncService, type SyncService } from '../sync/sync-service';
import { syncHandlers } from '../sync/handlers';
import { createAuthService, type AuthService } from '../auth/auth-service';
import { createUserService } from '../auth/user-service';
import { authHandlers } from '../auth/handlers';
import { createViewRecorder } from '../audit/record-view';
import { auditHandlers } from '../audit/handlers';
import { privacyHandlers } from '../privacy/handlers';
import { ensurePrivacyDefaults } from '../privacy/privacy-defaults';
import { NO_OS_KEY_PROVIDER, type KeyProvider } from '../privacy/key-provider';
import { createQueueService } from '../walk-ins/queue-service';
import { createVisitService } from '../walk-ins/visit-service';
import { walkInHandlers } from '../walk-ins/handlers';
import { seedCounterDefaults } from '../walk-ins/defaults';
import { createRequestService } from '../requests/request-service';
import { createRequestConfigService } from '../requests/config-service';
import { requestHandlers } from '../requests/handlers';
import { counterTimelineSources } from '../walk-ins/timeline-sources';
import { registerCounterPrintSources } from '../walk-ins/print-sources';
import { registerLetterPrintSource } from '../letters/print-source';
import { libraryHandlers } from '../library/handlers';
import { createLibraryService } from '../library/library-service';
import { systemClock, uuidV7, type Clock, type IdGenerator } from './clock';
import { createLogger, type Logger } from './logger';
import { createChannelServices, type ChannelServices } from '../timeline/register-channels';
import { createPrintingService, type PrintingService } from '../printing/printing-service';
import { printingHandlers } from '../printing/handlers';
import type { OsPrinter } from '../printing/os-printer';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { settingsHandlers } from '../settings/handlers';
import { applyStagedRestore, auditAppliedRestore } from '../backup/pending-restore';
import { restoreHandlers } from '../backup/restore-handlers';
import { collectDiagnostics } from '../diagnostics/collect-diagnostics';
import { backupBeforeMigration } from '../backup/backup-before-migration';
import { createSetupService } from '../setup/setup-service';
import { setupHandlers } from '../setup/handlers';
import { createReportService } from '../reports/report-service';
import { reportHandlers } from '../reports/handlers';
import { createEncryptionService, type ChooseFolder } from '../encryption/encryption-service';
import { encryptionHandlers } from '../encryption/handlers';

export const APP_ORIGIN = 'app://istiqbal';

export interface CoreOptions {
  databaseFile: string;
  /** Origins whose main frame may call the router; the shell's `app://istiqbal` by default. */
  trustedOrigins?: readonly string[];
  clock?: Clock;
  newId?: IdGenerator;
  logger?: Logger;
  /** Where the file logger writes, for "copy diagnostics"; none in tests and the CLI. */
  logsDir?: string | null;
  version?: string;
  /** Where letter attachments are stored; default: an `attachments` folder beside the database. */
  attachmentsDir?: string;
  /** Print fonts (resources/fonts); default: the repository's, for tests and the CLI. */
  fontsDir?: string;
  /** The system printers, supplied by the Electron shell. */
  osPrinter?: OsPrinter | null;
  /** The OS-kept key for encrypted backups/exports (the shell passes safeStorage's); refused without one. */
  keyProvider?: KeyProvider;
  /** Asks the person for a folder (the shell's dialog), for encrypted backups to a USB stick; none in the CLI and preview. */
  chooseFolder?: ChooseFolder | null;
  /** Restarts the app (the shell: relaunch and exit), after a restore is staged; none in the CLI and preview. */
  requestRestart?: (() => void) | null;
}

export interface Core {
  db: Db;
  router: Router;
  sessions: SessionStore;
  auth: AuthService;
  /** AES-256-GCM key for backups/exports, kept by the OS (main/privacy/key-provider.ts). */
  keyProvider: KeyProvider;
  beneficiaries: BeneficiaryService;
  /** Calls, letters, contacts, volunteers and the timeline registry (other domains add sources). */
  channels: ChannelServices;
  /** Receipts, declarations, tickets: `printing.print(actor, { kind, data })`. */
  printing: PrintingService;
  /** Organisation profile, this counter, backups. */
  settings: SettingsService;
  /** Nightly sync with the central PostgreSQL: status, runs, conflicts, schedule. */
  sync: SyncService;
  clock: Clock;
  newId: IdGenerator;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? uuidV7;
  const logger = options.logger ?? createLogger();
  const backupsDir = join(dirname(options.databaseFile), 'backups');
  // A restore staged from the app is applied now, while nothing has the database open.
  const restored = await applyStagedRestore(options.databaseFile, backupsDir, clock);
  if (restored) logger.info({ restore: restored.ok ? 'applied' : 'refused', backup: restored.staged.backup }, 'staged restore');
  const db = openDatabase(options.databaseFile);
  await backupBeforeMigration(db, options.databaseFile, clock.now());
  await migrateToLatest(db);
  const { counter, admin } = await bootstrap(db, clock, newId);
  if (restored) await auditAppliedRestore(db, restored, { userId: admin.id, counterId: counter.id }, clock, newId);
  await ensurePrivacyDefaults(db, clock, newId, counter.id, admin.id);
  await ensureSync(db);

  // Nobody is signed in until someone signs in (or, in demo mode only, `auth.openDemoSession`).
  const sessions = createSessionStore(clock);
  const auth = createAuthService({ db, clock, newId, sessions, counter });
  await auth.policy();

  const beneficiaries = createBeneficiaryService({ db, clock, newId });
  await seedCounterDefaults(db, clock, newId, { userId: 'system', counterId: counter.id });
  const channels = createChannelServices({ db, clock, newId, databaseFile: options.databaseFile, attachmentsDir: options.attachmentsDir });
  for (const source of counterTimelineSources(db)) channels.timeline.register(source);
  // The settings service is created below; the profile is only read when something prints.
  const printing = createPrintingService({ db, clock, newId, logger, fontsDir: options.fontsDir, osPrinter: options.osPrinter, organisationProfile: () => settings.organisation() });
  registerCounterPrintSources(printing.sources, db, printing.organisation);
  registerLetterPrintSource(printing.sources, db, printing.organisation);
  await printing.recover();
  const settings = createSettingsService({ db, clock, newId, databaseFile: options.databaseFile });
  const sync = createSyncService({ db, clock, newId, counterId: async () => counter.id, keyProvider: options.keyProvider, engine: { files: channels.attachments } });
  await sync.protectStoredPassword();
  // Demo data goes through the whole core (services, audit); the handler reaches it once built.
  const built: { core?: Core } = {};
  const handlers: Handlers = {
    ...setupHandlers(createSetupService({ db, clock, newId }), () => built.core!),
    ...sessionHandlers(sessions, options.version ?? '0.0.0', printing.status, sync.info),
    ...authHandlers(auth, createUserService({ db, clock, newId }), sessions),
    ...auditHandlers(db),
    ...privacyHandlers({ db, clock, newId, attachmentFiles: channels.attachments, fontsDir: options.fontsDir, organisation: async () => ({ ...printing.organisation(), ...(await settings.organisation()) }) }),
    ...syncHandlers(sync),
    ...beneficiaryHandlers(db, beneficiaries, createCategoryService({ db, clock, newId })),
    ...walkInHandlers(createQueueService({ db, clock, newId }), createVisitService({ db, clock, newId })),
    ...requestHandlers(createRequestService({ db, clock, newId }), createRequestConfigService({ db, clock, newId })),
    ...channels.handlers,
    ...libraryHandlers(createLibraryService({ db, clock, newId, files: channels.attachments })),
    ...printingHandlers(printing),
    ...reportHandlers(createReportService({ db, clock, fontsDir: options.fontsDir, organisation: async () => ({ ...printing.organisation(), ...(await settings.organisation()) }) })),
    ...settingsHandlers(settings, backupsDir, sessions),
    ...restoreHandlers({ db, clock, newId, settings, databaseFile: options.databaseFile, backupsDir, requestRestart: options.requestRestart, applied: restored }),
    ...encryptionHandlers(createEncryptionService({ db, clock, newId, keyProvider: options.keyProvider ?? NO_OS_KEY_PROVIDER, backups: settings.backups, chooseFolder: options.chooseFolder })),
    'diagnostics:collect': () =>
      collectDiagnostics({ db, databaseFile: options.databaseFile, logsDir: options.logsDir ?? null, version: options.version ?? '0.0.0' }),
  };
  const router = createRouter({
    contract,
    handlers,
    // Every call counts as activity; an idle session has already been ended by then.
    currentSession: () => sessions.active(),
    recordView: createViewRecorder({ db, clock, newId }),
    trustedOrigins: options.trustedOrigins ?? [APP_ORIGIN],
    logger,
  });
  const core: Core = {
    db,
    router,
    sessions,
    auth,
    keyProvider: options.keyProvider ?? NO_OS_KEY_PROVIDER,
    beneficiaries,
    channels,
    printing,
    settings,
    sync,
    clock,
    newId,
    close: async () => {
      sync.stop();
      await printing.close();
      await db.destroy();
    },
  };
  built.core = core;
  return core;
}
