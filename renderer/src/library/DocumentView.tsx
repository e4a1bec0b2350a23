/**
 * One library document: its versions (the current one marked, the older ones kept and readable),
 * the chosen version in the pdf.js viewer at the chosen page, and — for administrators — a new
 * version upload and retire/restore.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useCan } from '../auth/use-session';
import { useLanguage } from '../app/use-language';
import { VersionViewer } from './VersionViewer';
import { UploadForm } from './UploadForm';
import { FileName } from './FileName';
import { apiErrorText } from './api-error-text';

interface Props {
  id: string;
  versionId?: string;
  page?: number;
  onBack: () => void;
}

export function DocumentView({ id, versionId, page = 1, onBack }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const canWrite = useCan('library:addVersion');
  const detail = useQuery({ queryKey: ['library', 'get', id], queryFn: () => unwrap(api().library.get({ id })) });
  const [shown, setShown] = useState<{ versionId: string | null; page: number }>({ versionId: versionId ?? null, page });
  const [uploading, setUploading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const retire = useMutation({
    mutationFn: (retired: boolean) => unwrap(api().library.retire({ id, retired })),
    onSuccess: async () => {
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['library'] });
    },
    onError: (e) => setError(apiErrorText(e, language)),
  });
  const d = detail.data;
  if (!d) return null;
  const current = shown.versionId ?? d.current.id;
  return (
    <Stack gap="md" data-testid="library-document">
      <Group justify="space-between">
        <Title order={1} data-testid="library-document-title">
          {d.title}
        </Title>
        <Button variant="default" onClick={onBack} data-testid="library-back">
          {t('library.back')}
        </Button>
      </Group>
      {d.description && <Text>{d.description}</Text>}
      {d.retired && (
        <Alert color="yellow" data-testid="library-retired-note">
          {t('library.retiredNote')}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" role="status" data-testid="library-notice">
          {notice}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('library.versions')}
            </Title>
            {canWrite && (
              <Group gap="xs">
                <Button size="xs" onClick={() => setUploading(true)} data-testid="library-new-version">
                  {t('library.newVersion')}
                </Button>
                <Button size="xs" variant="light" color={d.retired ? 'teal' : 'red'} onClick={() => retire.mutate(!d.retired)} loading={retire.isPending} data-testid="library-retire">
                  {d.retired ? t('library.restore') : t('library.retire')}
                </Button>
              </Group>
            )}
          </Group>
          {uploading && (
            <UploadForm
              mode="version"
              documentId={id}
              onCancel={() => setUploading(false)}
              onDone={async (updated) => {
                setUploading(false);
                setNotice(t('library.versionSaved', { n: updated.current.versionNo }));
                setShown({ versionId: updated.current.id, page: 1 });
                await queryClient.invalidateQueries({ queryKey: ['library'] });
              }}
            />
          )}
          <Table data-testid="library-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('library.fields.version')}</Table.Th>
                <Table.Th>{t('library.fields.file')}</Table.Th>
                <Table.Th>{t('library.fields.pages')}</Table.Th>
                <Table.Th>{t('library.fields.uploadedBy')}</Table.Th>
                <Table.Th>{t('library.fields.note')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.versions.map((v) => (
                <Table.Tr key={v.id} data-testid="library-version-row" aria-current={v.id === current ? 'true' : undefined}>
                  <Table.Td>
                    {t('library.versionNo', { n: v.versionNo })}{' '}
                    {v.current && (
                      <Badge color="teal" variant="light">
                        {t('library.current')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <FileName name={v.fileName} />
                  </Table.Td>
                  <Table.Td>{v.pageCount}</Table.Td>
                  <Table.Td>
                    {v.createdByName} <span className="ltr-value">{v.createdAt.slice(0, 10)}</span>
                  </Table.Td>
                  <Table.Td>{v.note ?? ''}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant={v.id === current ? 'filled' : 'subtle'} onClick={() => setShown({ versionId: v.id, page: 1 })} data-testid="library-view-version">
                      {t('library.view')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <VersionViewer key={current} versionId={current} page={shown.page} />
    </Stack>
  );
}
