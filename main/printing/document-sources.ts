/**
 * Where `printing:print { kind, recordId }` finds a saved record's document data. Each domain
 * registers a loader for the kinds it owns (walk-ins: request receipt, declaration, queue ticket,
 * delivery receipt; letters: letter receipt), so printing never reads their tables itself.
 */
import type { DocumentDataOf, DocumentKind } from '../../shared/printing/document-kinds';
import type { Actor } from '../core/actor';

export type DocumentSource<K extends DocumentKind> = (recordId: string, actor: Actor) => Promise<DocumentDataOf<K> | null>;

export function createDocumentSources() {
  const sources = new Map<DocumentKind, DocumentSource<DocumentKind>>();
  return {
    register<K extends DocumentKind>(kind: K, source: DocumentSource<K>): void {
      sources.set(kind, source as unknown as DocumentSource<DocumentKind>);
    },
    get(kind: DocumentKind): DocumentSource<DocumentKind> | undefined {
      return sources.get(kind);
    },
  };
}

export type DocumentSources = ReturnType<typeof createDocumentSources>;
