/** Kysely's view of the printing tables (migration 0003). */
export interface PrintersTable {
  id: string;
  name: string;
  /** tcp | device | os */
  interface: string;
  address: string;
  /** 80mm | 58mm | A4 | A5 */
  paper: string;
  /** epson | star */
  printer_type: string;
  created_at: string;
  updated_at: string;
  created_by: string;
  counter_id: string;
  deleted_at: string | null;
}

export interface PrinterDefaultsTable {
  counter_id: string;
  kind: string;
  printer_id: string;
  updated_at: string;
}

export interface PrintJobsTable {
  id: string;
  kind: string;
  record_id: string | null;
  printer_id: string | null;
  /** The document's data as printed, so a retry or a reprint gives the same paper. */
  data_json: string;
  copy_of: string | null;
  reprinted_at: string | null;
  /** queued | sending | printed | failed */
  status: string;
  attempts: number;
  error_code: string | null;
  /** Increments on every claim; an attempt only writes its result if it still holds the claim. */
  claim: number;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
  created_by: string;
  counter_id: string;
  deleted_at: string | null;
}

export interface PrintingTables {
  printers: PrintersTable;
  printer_defaults: PrinterDefaultsTable;
  print_jobs: PrintJobsTable;
}
