/** Kysely's view of the reference library's tables (migration 0011). */
import type { RecordColumns } from '../db/schema';

export interface LibraryDocumentsTable extends RecordColumns {
  title: string;
  title_norm: string;
  description: string | null;
  current_version_id: string;
  retired_at: string | null;
  retired_by: string | null;
}

export interface LibraryVersionsTable extends RecordColumns {
  document_id: string;
  version_no: number;
  attachment_id: string;
  sha256: string;
  file_name: string;
  size: number;
  page_count: number;
  note: string | null;
}

export interface LibraryPagesTable extends RecordColumns {
  version_id: string;
  page_no: number;
  text: string;
  text_norm: string;
}

export interface LibraryTables {
  library_documents: LibraryDocumentsTable;
  library_versions: LibraryVersionsTable;
  library_pages: LibraryPagesTable;
}
