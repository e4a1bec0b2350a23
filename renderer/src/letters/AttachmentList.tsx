/**
 * A letter's attachments: upload (bytes go to the core, which checks them) and an in-app preview
 * built from bytes the core sends back (an image as a data: URL, a PDF drawn by pdf.js); nothing
 * is opened by path.
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { AttachmentView } from '../../../shared/letters/schemas';
import { useLanguage } from '../app/use-language';
import { fileToBase64 } from '../common/base64';
import { PdfViewer } from '../pdf/PdfViewer';
import { base64ToBytes } from '../common/base64';

function Preview({ attachment }: { attachment: AttachmentView }) {
  const { t } = useTranslation();
  const preview = useQuery({ queryKey: ['letters', 'preview', attachment.id], queryFn: () => unwrap(api().letters.preview({ id: attachment.id })) });
  const p = preview.data;
  const pdfBytes = useMemo(() => (p && p.mime === 'application/pdf' ? base64ToBytes(p.dataBase64) : null), [p]);
  if (!p) return null;
  return (
    <Stack gap={4} data-testid="attachment-preview">
      {pdfBytes ? (
        <PdfViewer data={pdfBytes} name={attachment.fileName} />
      ) : (
        <Image src={`data:${p.mime};base64,${p.dataBase64}`} alt={t('letters.previewOf', { name: attachment.fileName })} className="attachment-preview-image" />
      )}
    </Stack>
  );
}

export function AttachmentList({ letterId, attachments }: { letterId: string; attachments: AttachmentView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => unwrap(api().letters.attach({ letterId, fileName: file.name, dataBase64: await fileToBase64(file) })),
    onSuccess: async (a) => {
      setError(null);
      setShown(a.id);
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
    },
    onError: (e) => setError(e instanceof ApiError ? (e.payload.fields?.[0]?.message ?? e.payload.message)[language] : String(e)),
  });
  const inputId = `attach-${letterId}`;
  return (
    <Stack gap="xs">
      {attachments.length === 0 && <Text c="dimmed">{t('letters.noAttachments')}</Text>}
      {attachments.map((a) => (
        <Paper key={a.id} withBorder p="xs" data-testid="attachment-row">
          <Group justify="space-between">
            <Text>
              <bdi>{a.fileName}</bdi> <span className="ltr-value">({Math.ceil(a.size / 1024)} KB, {a.mime})</span>
            </Text>
            <Button size="xs" variant="light" onClick={() => setShown(shown === a.id ? null : a.id)} aria-expanded={shown === a.id}>
              {t('letters.preview')}
            </Button>
          </Group>
          {shown === a.id && <Preview attachment={a} />}
        </Paper>
      ))}
      {error && (
        <Alert color="red" role="alert" data-testid="attachment-error">
          {error}
        </Alert>
      )}
      <Group>
        <label htmlFor={inputId} className="visually-hidden">
          {t('letters.attach')}
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) upload.mutate(file);
            e.currentTarget.value = '';
          }}
          data-testid="attachment-input"
        />
        <Button variant="default" onClick={() => input.current?.click()} loading={upload.isPending}>
          {t('letters.attach')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('letters.attachHint')}
        </Text>
      </Group>
    </Stack>
  );
}
