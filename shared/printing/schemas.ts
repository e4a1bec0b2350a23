/** Printers, print jobs and what crosses the IPC boundary about them. */
import { z } from 'zod';
import { documentKind, DOCUMENT_KINDS } from './document-kinds';
import { PRINT_ERROR_CODES } from './printer-errors';

export const PRINTER_INTERFACES = ['tcp', 'device', 'os'] as const;
export const PAPERS = ['80mm', '58mm', 'A4', 'A5'] as const;
export const THERMAL_TYPES = ['epson', 'star'] as const;
export const JOB_STATUSES = ['queued', 'sending', 'printed', 'failed'] as const;

export const THERMAL_PAPERS: readonly (typeof PAPERS)[number][] = ['80mm', '58mm'];
const TCP_ADDRESS = /^tcp:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/;

export const printerInput = z
  .object({
    name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
    interface: z.enum(PRINTER_INTERFACES),
    /** `tcp://192.168.1.50:9100`, a device path (`/dev/usb/lp0`, `\\.\COM3`), or the OS printer's name. */
    address: z.string().trim().min(1, 'required').max(300, 'tooLong'),
    paper: z.enum(PAPERS),
    type: z.enum(THERMAL_TYPES).default('epson'),
  })
  .superRefine((p, ctx) => {
    if (p.interface === 'tcp' && !TCP_ADDRESS.test(p.address)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'printer.address' });
    }
    const thermal = THERMAL_PAPERS.includes(p.paper);
    if (p.interface === 'os' ? thermal : !thermal) {
      ctx.addIssue({ code: 'custom', path: ['paper'], message: 'printer.paper' });
    }
  });
export type PrinterInput = z.input<typeof printerInput>;

export const printerView = z.object({
  id: z.string(),
  name: z.string(),
  interface: z.enum(PRINTER_INTERFACES),
  address: z.string(),
  paper: z.enum(PAPERS),
  type: z.enum(THERMAL_TYPES),
  /** Document kinds this printer is the default for. */
  defaultFor: z.array(documentKind),
});
export type PrinterView = z.infer<typeof printerView>;

const bilingual = z.object({ ar: z.string(), en: z.string() });

export const printJobView = z.object({
  id: z.string(),
  kind: documentKind,
  recordId: z.string().nullable(),
  printerId: z.string().nullable(),
  printerName: z.string().nullable(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  error: z.object({ code: z.enum(PRINT_ERROR_CODES), message: bilingual }).nullable(),
  /** Set on a reprint: the job it copies. */
  copyOf: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  printedAt: z.string().nullable(),
  /** A person may press Retry (failed, not yet printed). */
  retryable: z.boolean(),
});
export type PrintJobView = z.infer<typeof printJobView>;

export const printersState = z.object({
  printers: z.array(printerView),
  /** Default printer id per document kind (null: none chosen). */
  defaults: z.object(Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, z.string().nullable()])) as Record<(typeof DOCUMENT_KINDS)[number], z.ZodNullable<z.ZodString>>),
});
export type PrintersState = z.infer<typeof printersState>;

/** For the status bar: is printing set up, and did the last job fail? */
export const printerStatus = z.object({
  state: z.enum(['not-configured', 'configured', 'error']),
  lastError: bilingual.nullable().optional(),
});
export type PrinterStatus = z.infer<typeof printerStatus>;
