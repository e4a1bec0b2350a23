/**
 * The one contract: every channel the renderer may call. Each domain declares its channels in
 * its own `contract.ts`; they are merged here.
 */
import { beneficiariesContract } from '../beneficiaries/contract';
import { sessionContract } from '../session/contract';
import { settingsContract } from '../settings/contract';
import { diagnosticsContract } from '../diagnostics/contract';
import { setupContract } from '../setup/contract';
import { callsContract } from '../calls/contract';
import { lettersContract } from '../letters/contract';
import { contactsContract } from '../contacts/contract';
import { volunteersContract } from '../volunteers/contract';
import { timelineContract } from '../timeline/contract';
import { authContract } from '../auth/contract';
import { auditContract } from '../audit/contract';
import { privacyContract } from '../privacy/contract';
import { walkInsContract } from '../walk-ins/contract';
import { requestsContract } from '../requests/contract';
import { printingContract } from '../printing/contract';
import { syncContract } from '../sync/contract';
import { reportsContract } from '../reports/contract';
import { libraryContract } from '../library/contract';
import { encryptionContract } from '../encryption/contract';

export const contract = {
  ...syncContract,
  ...sessionContract,
  ...settingsContract,
  ...diagnosticsContract,
  ...setupContract,
  ...authContract,
  ...auditContract,
  ...privacyContract,
  ...beneficiariesContract,
  ...callsContract,
  ...lettersContract,
  ...libraryContract,
  ...contactsContract,
  ...volunteersContract,
  ...timelineContract,
  ...walkInsContract,
  ...requestsContract,
  ...printingContract,
  ...reportsContract,
  ...encryptionContract,
};

export const CHANNELS = Object.freeze(Object.keys(contract)) as readonly (keyof typeof contract & string)[];
