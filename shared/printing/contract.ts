import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF, type Role } from '../auth/roles';
import { documentKind } from './document-kinds';
import { printerInput, printerView, printersState, printJobView } from './schemas';

/** Who may add, change or remove printers and choose defaults. */
export const PRINTER_ADMINS: readonly Role[] = ['manager', 'administrator'];

const id = z.string().uuid();

export const printingContract = {
  'printing:printers': channel({ input: z.object({}).optional(), output: printersState, access: STAFF }),
  'printing:savePrinter': channel({
    input: z.object({ id: id.nullish(), printer: printerInput }),
    output: printerView,
    access: PRINTER_ADMINS,
  }),
  'printing:removePrinter': channel({ input: z.object({ id }), output: z.object({ removed: z.boolean() }), access: PRINTER_ADMINS }),
  'printing:setDefault': channel({
    input: z.object({ kind: documentKind, printerId: id.nullable() }),
    output: printersState,
    access: PRINTER_ADMINS,
  }),
  'printing:testPrint': channel({ input: z.object({ printerId: id }), output: printJobView, access: STAFF }),
  /** Prints a saved record's document, found through the source its domain registered. */
  'printing:print': channel({
    input: z.object({ kind: documentKind, recordId: z.string().min(1).max(60), printerId: id.nullish() }),
    output: printJobView,
    access: STAFF,
    readsPersonalData: true,
  }),
  /** A copy of an earlier job, marked "نسخة" with the reprint time. */
  'printing:reprint': channel({ input: z.object({ jobId: id, printerId: id.nullish() }), output: printJobView, access: STAFF }),
  'printing:job': channel({ input: z.object({ jobId: id }), output: printJobView, access: STAFF }),
  'printing:retry': channel({ input: z.object({ jobId: id }), output: printJobView, access: STAFF }),
  'printing:jobs': channel({
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(printJobView),
    access: STAFF,
  }),
};
