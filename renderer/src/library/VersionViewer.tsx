/** One version of a library document, fetched as bytes from the core and drawn by the pdf.js viewer. */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { PdfViewer } from '../pdf/PdfViewer';
import { base64ToBytes } from '../common/base64';

export function VersionViewer({ versionId, page, testId = 'library-viewer' }: { versionId: string; page: number; testId?: string }) {
  const opened = useQuery({ queryKey: ['library', 'open', versionId], queryFn: () => unwrap(api().library.open({ versionId })) });
  const bytes = useMemo(() => (opened.data ? base64ToBytes(opened.data.dataBase64) : null), [opened.data]);
  if (!opened.data || !bytes) return null;
  return <PdfViewer data={bytes} name={opened.data.title} initialPage={page} testId={testId} />;
}
