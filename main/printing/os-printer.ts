/**
 * The operating system's printers (A4/A5 PDFs). Implemented by the Electron shell
 * (`main/shell/printing-os.ts`); the core only sees this interface, so it runs without Electron.
 */
export interface OsPrinter {
  /** Prints a PDF on the named printer with an explicit page size; rejects with a PrintFailure. */
  printPdf(pdf: Buffer, options: { deviceName: string; pageSize: 'A4' | 'A5'; title: string }): Promise<void>;
  /** Installed printers, for the settings screen. */
  list(): Promise<{ name: string; isDefault: boolean }[]>;
}
